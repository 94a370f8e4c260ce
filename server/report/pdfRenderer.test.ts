/** The PDF renderer with the real Chromium: queueing, the network kept out, a missing browser named. */
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_MESSAGE, PdfRenderer } from "./pdfRenderer";
import { readPdf } from "../../tests/helpers/pdf";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

describe("PDF renderer", () => {
  const renderer = new PdfRenderer(CHROMIUM);
  afterAll(() => renderer.close());

  it("renders at most two pages at once and queues the rest", async () => {
    const html = (n: number) => `<!DOCTYPE html><html><head><title>Report ${n}</title></head><body><h1>Report number ${n}</h1></body></html>`;
    const jobs = [1, 2, 3, 4, 5].map((n) => renderer.render(html(n), { title: `Report ${n}` }));
    await new Promise((r) => setTimeout(r, 0));
    expect(renderer.load).toEqual({ running: 2, waiting: 3 });
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, renderer.load.running)), 5);
    const pdfs = await Promise.all(jobs);
    clearInterval(watch);
    expect(peak).toBeLessThanOrEqual(2);
    expect(renderer.load).toEqual({ running: 0, waiting: 0 });
    for (const [i, bytes] of pdfs.entries()) {
      const pdf = await readPdf(bytes);
      expect(pdf.title).toBe(`Report ${i + 1}`);
      expect(pdf.text).toContain(`Report number ${i + 1}`);
    }
  });

  it("lets the page load nothing from the network", async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const html = `<html><head><title>t</title><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head><body><img src="http://127.0.0.1:${port}/b.png"><p>offline</p></body></html>`;
      const pdf = await readPdf(await renderer.render(html, { title: "t" }));
      expect(pdf.text).toContain("offline");
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it("says how to install Chromium when there is none", async () => {
    const missing = new PdfRenderer("/nonexistent/chromium");
    await expect(missing.render("<p>x</p>", { title: "x" })).rejects.toMatchObject({ reason: "chromium_missing", message: CHROMIUM_MISSING_MESSAGE });
    expect(missing.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses new renders once closed", async () => {
    const closing = new PdfRenderer(CHROMIUM);
    await closing.close();
    await expect(closing.render("<p>x</p>", { title: "x" })).rejects.toMatchObject({ reason: "shutting_down" });
  });
});

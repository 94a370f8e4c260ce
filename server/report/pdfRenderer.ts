/**
 * HTML reports to PDF with Chromium (playwright-core's `page.pdf()`), the same browser the
 * tests drive. One browser is launched on the first PDF and reused (a launch costs a second or
 * more); at most MAX_CONCURRENT pages render at once and the rest wait their turn, so a burst
 * of downloads cannot start a dozen renderers on a two-core machine. A page may load nothing:
 * every request it makes is refused except data: URLs (the report's icons), so a report can
 * never reach the network or the server itself. Closed on shutdown (server/index.ts).
 */
import { existsSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import type { ReportErrorReason } from "../../lib/contracts/errors";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** Renders at once; more wait in line. */
export const MAX_CONCURRENT = 2;
/** A render that takes longer (a huge board on a busy machine) is given up. */
export const RENDER_TIMEOUT_MS = 60_000;

export const CHROMIUM_MISSING_MESSAGE = "PDF reports need Chromium: install it with apt-get install chromium, or set CHROMIUM_PATH.";

/** Why a PDF could not be made; the API answers each reason (server/api/errors.ts). */
export class PdfError extends Error {
  constructor(
    readonly reason: ReportErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface PdfOptions {
  /** The PDF's footer names it; the document title comes from the HTML's <title>. */
  title: string;
}

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly executablePath: string,
    private readonly opts: { maxConcurrent?: number; timeoutMs?: number } = {},
  ) {}

  /** The report as PDF bytes (A4, backgrounds printed, page numbers in the footer). */
  async render(html: string, options: PdfOptions): Promise<Uint8Array> {
    if (this.closed) throw new PdfError("shutting_down", "The server is shutting down.");
    await this.turn();
    const job: { context: BrowserContext | null; abandoned: boolean } = { context: null, abandoned: false };
    try {
      return await this.withTimeout(this.renderNow(html, options, job));
    } finally {
      // A render given up on stops here, so its slot is really free.
      job.abandoned = true;
      await job.context?.close().catch(() => undefined);
      // The slot passes to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Renders waiting or running now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private async turn(): Promise<void> {
    const max = this.opts.maxConcurrent ?? MAX_CONCURRENT;
    if (this.running < max) {
      this.running++;
      return;
    }
    // The slot is handed over by the render that finishes (running stays counted).
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    const ms = this.opts.timeoutMs ?? RENDER_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfError("pdf_timeout", `The PDF took longer than ${Math.round(ms / 1000)} s to render.`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const launching = (async () => {
        if (!existsSync(this.executablePath)) throw new PdfError("chromium_missing", CHROMIUM_MISSING_MESSAGE);
        // Loaded on first use: a server that never makes a PDF never loads Playwright.
        const { chromium } = await import("playwright-core");
        const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS }).catch((err: Error) => {
          throw new PdfError("chromium_missing", `${CHROMIUM_MISSING_MESSAGE} (${err.message.split("\n")[0]})`);
        });
        // A browser that crashed is launched again on the next render.
        browser.on("disconnected", () => {
          if (this.browser === launching) this.browser = null;
        });
        return browser;
      })();
      this.browser = launching;
      // A failed launch is tried again next time (Chromium may have been installed meanwhile).
      launching.catch(() => {
        if (this.browser === launching) this.browser = null;
      });
    }
    return this.browser;
  }

  private async renderNow(html: string, { title }: PdfOptions, job: { context: BrowserContext | null; abandoned: boolean }): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    job.context = context;
    if (job.abandoned) await context.close();
    try {
      const page = await context.newPage();
      await page.route("**", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort("blockedbyclient")));
      await page.setContent(html, { waitUntil: "load", timeout: this.opts.timeoutMs ?? RENDER_TIMEOUT_MS });
      await page.emulateMedia({ media: "print" });
      const footer = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      const pdf = await page.pdf({
        format: "A4",
        landscape: true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="width:100%;font-size:7pt;color:#94a3b8;padding:0 14mm;display:flex;justify-content:space-between;font-family:Helvetica,Arial,sans-serif"><span>${footer}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
        margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
      });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof PdfError) throw err;
      throw new PdfError("pdf_failed", `The PDF could not be rendered: ${(err as Error).message.split("\n")[0]}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
}

/** A PDF read the way a reader reads it (pdf.js): its pages, its title and its text. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface ReadPdf {
  numPages: number;
  /** The document's Title metadata (the report's HTML <title>). */
  title: string | null;
  /** Every page's text, pages joined by newlines, runs of white space as one space. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
    }
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: string } | null)?.Title ?? null;
    return { numPages: doc.numPages, title, text: pages.join("\n") };
  } finally {
    await doc.destroy();
  }
}

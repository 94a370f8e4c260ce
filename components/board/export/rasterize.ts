/**
 * An SVG picture drawn onto a canvas at a pixel ratio, as PNG. The browser renders the SVG
 * itself (an <img> of a blob), so the PNG is the SVG export pixel for pixel.
 */

/** Chromium and Firefox refuse canvases beyond about 16,384 px a side or 268 million pixels; stay well inside. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** The largest ratio up to `wanted` whose canvas the browser will draw. */
export function fittingScale(width: number, height: number, wanted: number): number {
  const bySide = MAX_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_PIXELS / (width * height));
  return Math.min(wanted, Math.floor(Math.min(bySide, byArea) * 100) / 100);
}

export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw the picture (no 2D canvas).");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser could not encode the PNG (the picture may be too large)."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

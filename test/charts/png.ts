import { createCanvas, loadImage } from "@napi-rs/canvas";

/** Width and height from the IHDR chunk, after checking the PNG signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  if (png.toString("latin1", 12, 16) !== "IHDR") throw new Error("IHDR is not the first chunk");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface PixelStats {
  width: number;
  height: number;
  distinctColors: number;
  /** Share of pixels that are not (near-)white. */
  inkRatio: number;
  /** Share of pixels in the top-left corner that are pure white: the background. */
  cornerWhite: number;
  /** Count of dark (text-coloured) pixels per horizontal band, top to bottom. */
  darkByBand: number[];
}

/** Decodes with @napi-rs/canvas and summarises the pixels. */
export async function pixelStats(png: Buffer, bands = 8): Promise<PixelStats> {
  const image = await loadImage(png);
  const { width, height } = image;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  const colors = new Set<number>();
  const darkByBand = new Array<number>(bands).fill(0);
  let ink = 0;
  let cornerWhite = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      colors.add((r << 16) | (g << 8) | b);
      if (r < 240 || g < 240 || b < 240) ink++;
      if (r < 90 && g < 90 && b < 90) {
        const band = Math.min(bands - 1, Math.floor((y / height) * bands));
        darkByBand[band] = (darkByBand[band] ?? 0) + 1;
      }
      if (x < 8 && y < 8 && r === 255 && g === 255 && b === 255) cornerWhite++;
    }
  }
  return {
    width,
    height,
    distinctColors: colors.size,
    inkRatio: ink / (width * height),
    cornerWhite: cornerWhite / 64,
    darkByBand,
  };
}

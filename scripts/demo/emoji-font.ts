/**
 * The colour emoji font for the demo page, so emoji look the same on a machine without an emoji font
 * (Debian's chromium brings none). Noto Color Emoji comes split by unicode range
 * (@fontsource/noto-color-emoji); only the pieces holding a character the page uses are copied next
 * to it, so demo-out/ stays self-contained and small. The WOFF files are used, not the WOFF2 ones:
 * Debian's Chromium loads those WOFF2 files without error but draws nothing from them.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const FONT_CSS = createRequire(import.meta.url).resolve("@fontsource/noto-color-emoji/index.css");

interface FontPiece {
  file: string;
  ranges: [number, number][];
}

function fontPieces(): FontPiece[] {
  const css = readFileSync(FONT_CSS, "utf8");
  const pieces: FontPiece[] = [];
  for (const [, face] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(face!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face!)?.[1];
    // The piece without a range is the whole font again; the ranged pieces cover it.
    if (!file || !range) continue;
    const ranges = range.split(",").map((r): [number, number] => {
      const [lo, hi] = r.trim().replace(/^U\+/i, "").split("-");
      return [Number.parseInt(lo!, 16), Number.parseInt(hi ?? lo!, 16)];
    });
    pieces.push({ file, ranges });
  }
  return pieces;
}

/** The zero-width joiner and the emoji variation selector are in most pieces; the emoji they join pick the piece. */
const JOINERS = new Set([0x200d, 0xfe0f]);

/**
 * `@font-face` rules for the pieces of the font that `html` needs, after copying them to
 * `outDir/fonts/`. Characters below U+2000 never pull a piece in (digits and `#` are in the font
 * too, but the page's text font draws them).
 */
export function emojiFontCss(html: string, outDir: string): string {
  const used = new Set<number>();
  for (const ch of html) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2000 && !JOINERS.has(cp)) used.add(cp);
  }
  const needed = fontPieces().filter((p) =>
    p.ranges.some(([lo, hi]) => [...used].some((cp) => cp >= lo && cp <= hi)),
  );
  if (needed.length === 0) return "";
  mkdirSync(join(outDir, "fonts"), { recursive: true });
  return needed
    .map((p) => {
      copyFileSync(join(dirname(FONT_CSS), "files", p.file), join(outDir, "fonts", p.file));
      const range = p.ranges.map(([lo, hi]) =>
        lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`,
      );
      return `@font-face{font-family:"Noto Color Emoji";font-display:block;src:url("fonts/${p.file}") format("woff");unicode-range:${range.join(",")}}`;
    })
    .join("\n");
}

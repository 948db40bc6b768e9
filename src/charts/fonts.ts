import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/**
 * Registers the chart font with @napi-rs/canvas. Skia draws NO text at all when no font file
 * matches (checked with /usr/share/fonts hidden: zero glyph pixels, measureText() = 0), so
 * relying on system fonts would give label-less charts on a machine without them. The
 * `dejavu-fonts-ttf` npm package ships the TTFs, so the font travels with node_modules; the
 * system DejaVu copy is only a fallback for a broken install.
 */
export const CHART_FONT_FAMILY = "DejaVu Sans";

const SYSTEM_DIR = "/usr/share/fonts/truetype/dejavu";
const FACES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

let registered: string | undefined;

function packagedDir(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
    return `${pkg.slice(0, -"package.json".length)}ttf`;
  } catch {
    return undefined;
  }
}

/** Idempotent; returns the directory the faces were loaded from. Throws if no font could be loaded. */
export function ensureChartFont(): string {
  if (registered) return registered;
  for (const dir of [packagedDir(), SYSTEM_DIR]) {
    if (!dir || !existsSync(`${dir}/${FACES[0]}`)) continue;
    let ok = false;
    for (const face of FACES) {
      const path = `${dir}/${face}`;
      // Same family name for regular and bold: Skia picks the face by the requested weight.
      if (existsSync(path) && GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) ok = true;
    }
    if (ok) {
      registered = dir;
      return dir;
    }
  }
  throw new Error(
    `charts: no usable font (install the "dejavu-fonts-ttf" package or ${SYSTEM_DIR}); text would not render`,
  );
}

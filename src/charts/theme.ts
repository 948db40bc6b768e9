import { INK } from "./palette.ts";

/**
 * Fonts and shared option blocks. Sizes are large on purpose: Slack shows an 800 px wide chart at
 * roughly 400–600 px, so a 14 px tick label ends up around 8–10 px on screen.
 *
 * The font family is not in the config: it would repeat in every font object (Chart.js resolves
 * plugin fonts from `plugins.<id>.font`, then its global defaults, never from a root
 * `options.font`) and push QuickChart URLs past Slack's 3,000-character limit. The in-process
 * renderer sets it as the Chart.js default instead; QuickChart uses its own sans-serif.
 */
export const FONT_FAMILY = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";

export const FONT = {
  title: { size: 20, weight: "bold" },
  subtitle: { size: 14 },
  legend: { size: 14 },
  axisTitle: { size: 14, weight: "bold" },
  tick: { size: 14 },
} as const;

/** Title (+ optional subtitle, e.g. "Top 15 of 5,000 families") block. */
export function titlePlugins(title: string, subtitle?: string) {
  return {
    title: {
      display: true,
      text: title,
      color: INK.text,
      font: FONT.title,
      padding: { top: 10, bottom: subtitle ? 2 : 6 },
    },
    // Subtitle is off by default in Chart.js; only spell it out when there is one (shorter URLs).
    ...(subtitle
      ? {
          subtitle: {
            display: true,
            text: subtitle,
            color: INK.mutedText,
            font: FONT.subtitle,
            padding: { bottom: 4 },
          },
        }
      : {}),
  };
}

/** Dash pattern of target and reference lines. */
export const DASH = [6, 4];

/**
 * Legend samples: `"line"` draws a zero-height box, i.e. just the dataset's stroke, so a dashed
 * target line shows as dashed (point-style legends take the style of the first point, which has
 * no dash); `"box"` draws filled squares for bars.
 *
 * A zero-height rect is stroked out and back along the same line. The width makes the way back
 * land its dashes on the way out's (2 × 28 ≡ 6 mod 10 for DASH), otherwise they fill each other's
 * gaps and the sample looks solid.
 */
const LINE_SAMPLE_WIDTH = 28;

export function legendPlugin(display: boolean, marker: "line" | "box") {
  return {
    display,
    labels: {
      color: INK.text,
      font: FONT.legend,
      boxWidth: marker === "line" ? LINE_SAMPLE_WIDTH : 16,
      boxHeight: marker === "line" ? 0 : 16,
      padding: 16,
    },
  };
}

export function axisTitle(text: string) {
  return { display: true, text, color: INK.text, font: FONT.axisTitle, padding: 6 };
}

export const GRID = { color: INK.grid };

/** Options common to every chart: static rendering (no animation, no resize observers) and fixed locale. */
export const STATIC_OPTIONS = {
  responsive: false,
  animation: false,
  locale: "en-US",
  // Right padding leaves room for the last x tick label, which is centred on the chart edge.
  layout: { padding: { right: 28, left: 10 } },
} as const;

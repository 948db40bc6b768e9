import type { ChartConfiguration } from "chart.js";
import { INK } from "./palette.ts";
import { slug } from "./text.ts";
import { FONT, STATIC_OPTIONS } from "./theme.ts";
import { type ChartSpec, DEFAULT_DEVICE_PIXEL_RATIO, DEFAULT_HEIGHT, DEFAULT_WIDTH } from "./types.ts";

export const NO_DATA_TEXT = "No data for this period";

/**
 * What a chart without data shows: its title and, in the middle of an otherwise blank image, the
 * notice. Empty axes (0–1, "-20 %") would look like real numbers; the notice is a subtitle pushed
 * down by padding because Chart.js has no centred-text option and an inline plugin would not
 * reach QuickChart.
 */
export function noDataChart(kind: string, title: string): ChartSpec {
  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: {
      ...STATIC_OPTIONS,
      plugins: {
        title: { display: true, text: title, color: INK.text, font: FONT.title, padding: { top: 10 } },
        subtitle: {
          display: true,
          text: NO_DATA_TEXT,
          color: INK.mutedText,
          font: { size: 20 },
          padding: { top: Math.round(DEFAULT_HEIGHT * 0.3) },
        },
        legend: { display: false },
      },
      scales: { x: { display: false }, y: { display: false } },
    },
  };
  return {
    id: `${kind}-${slug(title)}`,
    title,
    config,
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    devicePixelRatio: DEFAULT_DEVICE_PIXEL_RATIO,
  };
}

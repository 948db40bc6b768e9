import type { ChartConfiguration } from "chart.js";
import type { ProjectionSeries } from "../report/projection-series.ts";
import { roundTo } from "./numbers.ts";
import { INK, OKABE_ITO } from "./palette.ts";
import { slug } from "./text.ts";
import { axisTitle, FONT, GRID, legendPlugin, STATIC_OPTIONS, titlePlugins } from "./theme.ts";
import { type ChartSpec, DEFAULT_DEVICE_PIXEL_RATIO, DEFAULT_HEIGHT, DEFAULT_WIDTH } from "./types.ts";

const BAND = "rgba(0,158,115,0.18)";
// The band is two lines (its lower and upper edge) but one thing to read: one legend entry, as in the PDF.
const BAND_LABEL = "Min–max days of supply";
const BAND_UPPER = "Max days of supply";

/**
 * One family's S&OP projection for Slack: demand and supply bars per month (actuals, then plans),
 * the inventory (or backlog) line, and the min/max days-of-supply band in units as a shaded area —
 * the same series as the PDF's vector chart (src/report/projection-series.ts).
 */
export function familyProjectionChart(s: ProjectionSeries, subtitle?: string): ChartSpec {
  const r = (v: number | null) => (v === null ? null : roundTo(v, 1));
  const datasets: ChartConfiguration<"bar" | "line", (number | null)[], string>["data"]["datasets"] = [
    {
      type: "line",
      label: s.positionLabel,
      data: s.position.map(r),
      borderColor: INK.text,
      backgroundColor: INK.text,
      borderWidth: 3,
      pointRadius: 3,
      spanGaps: false,
      order: -2,
    },
    { type: "bar", label: "Demand", data: s.demand.map(r), backgroundColor: OKABE_ITO.blue, order: 1 },
    { type: "bar", label: "Supply", data: s.supply.map(r), backgroundColor: OKABE_ITO.orange, order: 1 },
  ];
  if (s.bandMin && s.bandMax) {
    datasets.push(
      {
        type: "line",
        label: BAND_LABEL,
        data: s.bandMin.map(r),
        borderColor: BAND,
        backgroundColor: BAND,
        borderWidth: 1,
        pointRadius: 0,
        fill: false,
        order: 2,
      },
      {
        type: "line",
        label: BAND_UPPER,
        data: s.bandMax.map(r),
        borderColor: BAND,
        backgroundColor: BAND,
        borderWidth: 1,
        pointRadius: 0,
        fill: "-1",
        order: 2,
      },
    );
  }
  const config: ChartConfiguration<"bar" | "line", (number | null)[], string> = {
    type: "bar",
    data: { labels: s.months, datasets },
    options: {
      ...STATIC_OPTIONS,
      datasets: { bar: { categoryPercentage: 0.75, barPercentage: 0.9 } },
      plugins: {
        ...titlePlugins(s.title, subtitle),
        legend: legendPlugin(true, "box"),
      },
      scales: {
        x: { grid: { display: false }, ticks: { color: INK.text, font: FONT.tick, maxRotation: 60 } },
        y: {
          title: axisTitle("Units"),
          grid: GRID,
          ticks: {
            color: INK.text,
            font: FONT.tick,
            format: { notation: "compact", maximumFractionDigits: 1 },
            maxTicksLimit: 8,
          },
        },
      },
    },
  };
  return {
    id: `family-projection-${slug(s.title)}`,
    title: s.title,
    config,
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    devicePixelRatio: DEFAULT_DEVICE_PIXEL_RATIO,
    legendOmits: [BAND_UPPER],
  };
}

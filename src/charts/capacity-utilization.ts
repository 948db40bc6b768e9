import type { ChartConfiguration } from "chart.js";
import { familyLabels, familySubtitle } from "./families.ts";
import { noDataChart } from "./no-data.ts";
import { roundTo, valueAt } from "./numbers.ts";
import { INK, OKABE_ITO } from "./palette.ts";
import { slug } from "./text.ts";
import { axisTitle, DASH, FONT, GRID, legendPlugin, STATIC_OPTIONS, titlePlugins } from "./theme.ts";
import {
  type CapacityUtilizationInput,
  type ChartSpec,
  DEFAULT_DEVICE_PIXEL_RATIO,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
} from "./types.ts";

type Point = { x: number; y: number };

/**
 * Capacity utilization by family: horizontal bars, over-capacity bars in vermillion, and a dashed
 * 100 % line. Over/within are two datasets drawn on the same slot (`grouped: false`) rather than
 * one dataset with per-bar colours, so the legend can explain the colours.
 */
export function capacityUtilizationChart(input: CapacityUtilizationInput): ChartSpec {
  const labels = familyLabels(input.families);
  const values = labels.map((_, i) => roundTo(valueAt(input.utilization, i), 4));
  const within = values.map((v) => (v !== null && v <= 1 ? v : null));
  const over = values.map((v) => (v !== null && v > 1 ? v : null));
  if (!values.some((v) => v !== null)) return noDataChart("capacity-utilization", input.title);

  const config: ChartConfiguration<"bar" | "line", (number | null | Point)[], string> = {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          label: "Within capacity",
          data: within,
          backgroundColor: OKABE_ITO.blue,
          grouped: false,
        },
        {
          label: "Over capacity",
          data: over,
          backgroundColor: OKABE_ITO.vermillion,
          grouped: false,
        },
        {
          // The 100 % line, drawn without the annotation plugin so QuickChart and the in-process
          // renderer agree: a vertical segment at x = 1 on a hidden 0–1 axis spanning the plot.
          type: "line",
          label: "100% of capacity",
          data: [
            { x: 1, y: 0 },
            { x: 1, y: 1 },
          ],
          yAxisID: "yReference",
          borderColor: INK.reference,
          backgroundColor: INK.background,
          borderWidth: 2,
          borderDash: DASH,
          pointRadius: 0,
          order: -1, // on top of the bars
        },
      ],
    },
    options: {
      ...STATIC_OPTIONS,
      indexAxis: "y",
      datasets: { bar: { categoryPercentage: 0.8, barPercentage: 0.9 } },
      plugins: {
        ...titlePlugins(input.title, familySubtitle(input.families, input.totalFamilies)),
        legend: legendPlugin(true, "box"),
      },
      scales: {
        x: {
          min: 0,
          // Always show the 100 % line with some room to its right.
          suggestedMax: 1.1,
          title: axisTitle("Utilization (% of capacity)"),
          grid: GRID,
          ticks: {
            color: INK.text,
            font: FONT.tick,
            format: { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 0 },
            maxTicksLimit: 8,
          },
        },
        y: {
          grid: { display: false },
          ticks: { color: INK.text, font: FONT.tick, autoSkip: false },
        },
        // The id must start with "y" (Chart.js infers the axis from it; "reference" would be radial).
        // offset: false overrides the bar chart default for index axes, which would inset the line by half a bar.
        yReference: { type: "linear", axis: "y", display: false, offset: false, min: 0, max: 1 },
      },
    },
  };

  return {
    id: `capacity-utilization-${slug(input.title)}`,
    title: input.title,
    config,
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    devicePixelRatio: DEFAULT_DEVICE_PIXEL_RATIO,
  };
}

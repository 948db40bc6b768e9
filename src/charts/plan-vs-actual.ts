import type { ChartConfiguration } from "chart.js";
import { familyLabels, familySubtitle } from "./families.ts";
import { noDataChart } from "./no-data.ts";
import { roundTo, valueAt } from "./numbers.ts";
import { INK, OKABE_ITO } from "./palette.ts";
import { slug } from "./text.ts";
import { axisTitle, FONT, GRID, legendPlugin, STATIC_OPTIONS, titlePlugins } from "./theme.ts";
import {
  type ChartSpec,
  DEFAULT_DEVICE_PIXEL_RATIO,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  type PlanVsActualInput,
} from "./types.ts";

/**
 * Plan vs actual by family as grouped horizontal bars: family names read left to right without
 * rotation, which vertical bars with 15 long names cannot do at 800 px.
 */
export function planVsActualChart(input: PlanVsActualInput): ChartSpec {
  const labels = familyLabels(input.families);
  const plan = labels.map((_, i) => roundTo(valueAt(input.plan, i), 2));
  const actual = labels.map((_, i) => roundTo(valueAt(input.actual, i), 2));
  if (![...plan, ...actual].some((v) => v !== null)) return noDataChart("plan-vs-actual", input.title);
  const unit = input.unit?.trim();

  const config: ChartConfiguration<"bar", (number | null)[], string> = {
    type: "bar",
    data: {
      labels,
      datasets: [
        // Plan first so it sits above actual in each pair and comes first in the legend.
        { label: "Plan", data: plan, backgroundColor: OKABE_ITO.orange },
        { label: "Actual", data: actual, backgroundColor: OKABE_ITO.blue },
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
          beginAtZero: true,
          title: axisTitle(unit ? `Volume (${unit})` : "Volume"),
          grid: GRID,
          // Compact notation ("1.2M") keeps large volumes from crowding the axis, without a callback.
          ticks: {
            color: INK.text,
            font: FONT.tick,
            format: { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 },
            maxTicksLimit: 8,
          },
        },
        y: {
          grid: { display: false },
          ticks: { color: INK.text, font: FONT.tick, autoSkip: false },
        },
      },
    },
  };

  return {
    id: `plan-vs-actual-${slug(input.title)}`,
    title: input.title,
    config,
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    devicePixelRatio: DEFAULT_DEVICE_PIXEL_RATIO,
  };
}

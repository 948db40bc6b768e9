import type { ChartConfiguration } from "chart.js";
import { noDataChart } from "./no-data.ts";
import { roundTo, valueAt } from "./numbers.ts";
import { INK, seriesColor } from "./palette.ts";
import { slug } from "./text.ts";
import { axisTitle, DASH, FONT, GRID, legendPlugin, STATIC_OPTIONS, titlePlugins } from "./theme.ts";
import {
  type ChartSpec,
  DEFAULT_DEVICE_PIXEL_RATIO,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  type KpiTrendInput,
  type KpiUnit,
} from "./types.ts";

/** The digest shows the last 12 weeks; older weeks passed by the caller are dropped. */
export const KPI_WEEKS = 12;

const ISO_WEEK = /^(\d{4})-W(\d{1,2})$/;

/**
 * "2026-W40" → "W40", with the year on a second line for the first week and wherever the year
 * changes: twelve full "2026-W40" labels would not fit side by side at 800 px without rotating.
 */
export function weekLabels(weeks: readonly string[]): (string | string[])[] {
  let previousYear: string | undefined;
  return weeks.map((week) => {
    const m = ISO_WEEK.exec(week);
    if (!m) return week;
    const [, year = "", num = ""] = m;
    const short = `W${num.padStart(2, "0")}`;
    const label = year !== previousYear ? [short, year] : short;
    previousYear = year;
    return label;
  });
}

const PERCENT = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatKpiValue(value: number, unit: KpiUnit): string {
  switch (unit) {
    case "percent":
      return PERCENT.format(value);
    case "days":
      return `${NUMBER.format(value)} ${value === 1 ? "day" : "days"}`;
    case "number":
      return NUMBER.format(value);
  }
}

function valueAxis(unit: KpiUnit): { title: string; format: Intl.NumberFormatOptions } {
  switch (unit) {
    case "percent":
      // Intl options instead of a tick callback keep the config free of functions (QuickChart-safe).
      return {
        title: "Percent",
        format: { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 1 },
      };
    case "days":
      return { title: "Days", format: { minimumFractionDigits: 0, maximumFractionDigits: 1 } };
    case "number":
      return {
        title: "Value",
        format: { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 },
      };
  }
}

/**
 * Pads or cuts a series to the week count so a short array never shifts points onto the wrong
 * week; NaN/Infinity become gaps. Percent fractions keep 4 decimals (0.01 %), others 2.
 */
function align(values: readonly (number | null)[], length: number, offset: number, unit: KpiUnit) {
  const decimals = unit === "percent" ? 4 : 2;
  return Array.from({ length }, (_, i) => roundTo(valueAt(values, offset + i), decimals));
}

/** KPI trend vs target over the last 12 weeks: one solid line per series, a dashed line per target. */
export function kpiTrendChart(input: KpiTrendInput): ChartSpec {
  const offset = Math.max(0, input.weeks.length - KPI_WEEKS);
  const weeks = input.weeks.slice(offset);
  const single = input.series.length === 1;

  const lines = input.series.map((s, i) => ({
    type: "line" as const,
    label: s.label,
    data: align(s.values, weeks.length, offset, input.unit),
    borderColor: seriesColor(i),
    backgroundColor: seriesColor(i),
    borderWidth: 3,
    // Visible points so a week surrounded by gaps still shows up.
    pointRadius: 4,
    pointBorderWidth: 0,
    spanGaps: false,
    tension: 0,
    order: 0,
  }));

  const targets = input.series.flatMap((s, i) => {
    if (s.target === undefined || !Number.isFinite(s.target)) return [];
    const value = formatKpiValue(s.target, input.unit);
    return [
      {
        type: "line" as const,
        label: single ? `Target (${value})` : `${s.label} target (${value})`,
        data: weeks.map(() => s.target ?? null),
        // One series: a neutral target line reads as "the bar to clear"; several: match the series.
        borderColor: single ? INK.reference : seriesColor(i),
        backgroundColor: single ? INK.reference : seriesColor(i),
        borderWidth: 2,
        borderDash: DASH,
        pointRadius: 0,
        // Targets sit behind the actual lines.
        order: 1,
      },
    ];
  });

  // Targets alone are not data: a chart of just the bar to clear says nothing about the KPI.
  if (!lines.some((l) => l.data.some((v) => v !== null))) return noDataChart("kpi-trend", input.title);
  const axis = valueAxis(input.unit);

  const config: ChartConfiguration<"line", (number | null)[], string | string[]> = {
    type: "line",
    data: { labels: weekLabels(weeks), datasets: [...lines, ...targets] },
    options: {
      ...STATIC_OPTIONS,
      plugins: {
        ...titlePlugins(input.title),
        legend: legendPlugin(true, "line"),
      },
      scales: {
        x: {
          title: axisTitle("ISO week"),
          grid: { display: false },
          ticks: { color: INK.text, font: FONT.tick, maxRotation: 0, autoSkip: true },
        },
        y: {
          title: axisTitle(axis.title),
          grid: GRID,
          grace: "5%",
          ticks: { color: INK.text, font: FONT.tick, format: axis.format, maxTicksLimit: 8 },
        },
      },
    },
  };

  return {
    id: `kpi-trend-${slug(input.title)}`,
    title: input.title,
    config,
    width: DEFAULT_WIDTH,
    height: DEFAULT_HEIGHT,
    devicePixelRatio: DEFAULT_DEVICE_PIXEL_RATIO,
  };
}

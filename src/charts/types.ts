import type { ChartConfiguration } from "chart.js";

/**
 * A chart ready to render, either in-process (`renderPng`) or on a QuickChart server (`quickChartUrl`).
 * The config is plain data (no functions) so it survives `structuredClone` and URL encoding unchanged.
 */
export interface ChartSpec {
  /** Stable, filename-safe id, e.g. `kpi-trend-otif`. */
  id: string;
  title: string;
  config: ChartConfiguration;
  /** CSS pixels; the PNG is `width × devicePixelRatio` wide. */
  width: number;
  height: number;
  /** Defaults to {@link DEFAULT_DEVICE_PIXEL_RATIO} when absent. */
  devicePixelRatio?: number;
  /**
   * Dataset labels kept off the legend (e.g. the second edge of a band that has one entry). Data, not a
   * Chart.js filter function, so the spec stays cloneable and serialisable.
   */
  legendOmits?: string[];
}

/** Slack shows images in a ~16:9 box; 800×450 at 2× stays sharp when Slack scales it down. */
export const DEFAULT_WIDTH = 800;
export const DEFAULT_HEIGHT = 450;
export const DEFAULT_DEVICE_PIXEL_RATIO = 2;

export type KpiUnit = "percent" | "days" | "number";

export interface KpiSeries {
  label: string;
  /** One value per week, aligned with `weeks`; `null` is a gap. Percent values are fractions (0.95 = 95 %). */
  values: (number | null)[];
  /** Drawn as a dashed horizontal line in the series' colour; same unit as `values`. */
  target?: number;
}

export interface KpiTrendInput {
  title: string;
  unit: KpiUnit;
  /** ISO weeks, oldest first, e.g. "2026-W40". */
  weeks: string[];
  series: KpiSeries[];
}

export interface PlanVsActualInput {
  title: string;
  /** Already ordered by the caller (e.g. top families by volume); only the first MAX_FAMILIES are drawn. */
  families: string[];
  plan: number[];
  actual: number[];
  /** e.g. "units", "cases", "EUR"; shown in the axis title. */
  unit?: string;
  /** Total number of families before the caller's top-N cut, shown as "Top 15 of 5,000 families". */
  totalFamilies?: number;
}

export interface CapacityUtilizationInput {
  title: string;
  families: string[];
  /** Fractions: 1 = 100 % of capacity. */
  utilization: number[];
  totalFamilies?: number;
}

/**
 * The KPIs the digest shows, in the KPI engine's order, labels, units and directions (src/kpi), read
 * from a weekly snapshot by their headline value (cycle time by its mean).
 */
import { KPI_LABELS, KPI_UNITS, type KpiUnit } from "../kpi/catalog.ts";
import { headlineValue, KPI_NAMES, type KpiName, type KpiValues } from "../kpi/kpi-values.ts";
import { type Direction, KPI_DIRECTION } from "../kpi/targets.ts";

export type KpiKey = KpiName;
export type DigestUnit = KpiUnit;
export type KpiDirection = Direction;

export interface KpiDefinition {
  key: KpiKey;
  label: string;
  unit: DigestUnit;
  direction: KpiDirection;
  /** The headline value from a snapshot's `values`; null for no data. */
  read(values: Record<string, unknown>): number | null;
}

const finite = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export const DIGEST_KPIS: KpiDefinition[] = KPI_NAMES.map((key) => ({
  key,
  label: KPI_LABELS[key],
  unit: KPI_UNITS[key],
  direction: KPI_DIRECTION[key],
  read: (values) => finite(headlineValue(values as unknown as KpiValues, key)),
}));

/**
 * The KPIs drawn in the trend chart: the two headline KPIs, demand side and customer side, each with
 * its dashed target. Two, not four: four series and four targets make a crowded chart and a QuickChart
 * URL of ~4,200 characters, over Slack's 3,000 (two: ~2,800). The tiles show every KPI's trend.
 */
export const TREND_KPIS: KpiKey[] = ["forecastAccuracy", "onTimeDelivery"];

/**
 * The KPIs the digest shows, in order, with how to read each one from a weekly snapshot (the values of
 * `sop kpi --json`, DESIGN §4a) and which way is good. Cycle time is shown by its mean.
 */
import type { KpiTargets } from "../team/team-config.ts";

export type KpiKey = keyof Required<KpiTargets>;

/** higher: more is better; lower: less is better; abs-lower: closer to 0 is better (bias); band: inside [min, max]. */
export type KpiDirection = "higher" | "lower" | "abs-lower" | "band";

export type DigestUnit = "percent" | "days";

export interface KpiDefinition {
  key: KpiKey;
  label: string;
  unit: DigestUnit;
  direction: KpiDirection;
  /** Reads the value from a snapshot's `values`; null for no data. */
  read(values: Record<string, unknown>): number | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const field = (key: string) => (values: Record<string, unknown>) => num(values[key]);

export const DIGEST_KPIS: KpiDefinition[] = [
  {
    key: "forecastAccuracy",
    label: "Forecast accuracy",
    unit: "percent",
    direction: "higher",
    read: field("forecastAccuracy"),
  },
  {
    key: "forecastBias",
    label: "Forecast bias",
    unit: "percent",
    direction: "abs-lower",
    read: field("forecastBias"),
  },
  { key: "mape", label: "MAPE", unit: "percent", direction: "lower", read: field("mape") },
  {
    key: "onTimeDelivery",
    label: "On-time delivery",
    unit: "percent",
    direction: "higher",
    read: field("onTimeDelivery"),
  },
  {
    key: "serviceLevel",
    label: "Customer service level",
    unit: "percent",
    direction: "higher",
    read: field("serviceLevel"),
  },
  {
    key: "planAdherence",
    label: "Production plan adherence",
    unit: "percent",
    direction: "higher",
    read: field("planAdherence"),
  },
  {
    key: "cycleTime",
    label: "Order cycle time (mean)",
    unit: "days",
    direction: "lower",
    read: (v) => num((v.cycleTime as Record<string, unknown> | null | undefined)?.mean),
  },
  {
    key: "capacityUtilization",
    label: "Capacity utilization",
    unit: "percent",
    direction: "band",
    read: field("capacityUtilization"),
  },
  {
    key: "daysOfSupply",
    label: "Inventory days of supply",
    unit: "days",
    direction: "band",
    read: field("daysOfSupply"),
  },
];

/**
 * The KPIs drawn in the trend chart: the two headline KPIs, demand side and customer side, each with
 * its dashed target. Two, not four: four series and four targets make a crowded chart and a QuickChart
 * URL of ~4,200 characters, over Slack's 3,000 (two: ~2,800). The tiles show every KPI's trend.
 */
export const TREND_KPIS: KpiKey[] = ["forecastAccuracy", "onTimeDelivery"];

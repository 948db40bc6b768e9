/** How each KPI is named and shown: labels, units and number formatting shared by the CLI and Slack views. */

import {
  formatDays,
  formatPercent,
  formatPoints,
  formatQuantity,
  formatSignedDays,
  formatSignedPercent,
} from "../format/numbers.ts";
import type { KpiName } from "./kpi-values.ts";
import type { Targets } from "./targets.ts";
import { KPI_DIRECTION } from "./targets.ts";

export type KpiUnit = "percent" | "days";

export const KPI_LABELS: Record<KpiName, string> = {
  forecastAccuracy: "Forecast accuracy",
  forecastBias: "Forecast bias",
  mape: "MAPE",
  onTimeDelivery: "On-time delivery",
  serviceLevel: "Service level",
  planAdherence: "Plan adherence",
  cycleTime: "Order cycle time",
  capacityUtilization: "Capacity utilization",
  daysOfSupply: "Days of supply",
};

export const KPI_UNITS: Record<KpiName, KpiUnit> = {
  forecastAccuracy: "percent",
  forecastBias: "percent",
  mape: "percent",
  onTimeDelivery: "percent",
  serviceLevel: "percent",
  planAdherence: "percent",
  cycleTime: "days",
  capacityUtilization: "percent",
  daysOfSupply: "days",
};

/** `93.1 %`, `+4.2 %` (bias is signed), `6.5 d`, or `no data`. */
export function formatKpiValue(kpi: KpiName, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "no data";
  if (KPI_UNITS[kpi] === "days") return formatDays(value);
  return kpi === "forecastBias" && value > 0 ? formatSignedPercent(value) : formatPercent(value);
}

/** Change between two values: `+1.2 pts` for percentages, `−0.5 d` for days; null when either is missing. */
export function formatKpiDelta(kpi: KpiName, now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const d = now - before;
  return KPI_UNITS[kpi] === "days" ? formatSignedDays(d) : formatPoints(d);
}

/** The target as a person reads it: `≥ 95 %`, `|bias| ≤ 5 %`, `≤ 7 d`, `20–45 d`. */
export function formatTarget(kpi: KpiName, targets: Targets): string {
  const direction = KPI_DIRECTION[kpi];
  const days = KPI_UNITS[kpi] === "days";
  const f = (v: number) => (days ? formatDays(v) : formatPercent(v));
  if (direction === "band") {
    const b = targets[kpi as "capacityUtilization" | "daysOfSupply"];
    return days
      ? `${formatQuantity(b.min, 1)}–${formatDays(b.max)}`
      : `${formatQuantity(b.min * 100, 1)}–${formatPercent(b.max)}`;
  }
  const t = targets[kpi as Exclude<KpiName, "capacityUtilization" | "daysOfSupply">];
  if (direction === "higher") return `≥ ${f(t.target)}`;
  if (direction === "absLower") return `|bias| ≤ ${f(t.target)}`;
  return `≤ ${f(t.target)}`;
}

/** How each KPI is named and shown: labels, units and number formatting shared by the CLI and Slack views. */

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

function trim(n: number, digits: number): string {
  return Number(n.toFixed(digits)).toString();
}

/** `93.1 %`, `+4.2 %` (bias is signed), `6.5 d`, or `no data`. */
export function formatKpiValue(kpi: KpiName, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "no data";
  if (KPI_UNITS[kpi] === "days") return `${trim(value, 1)} d`;
  const pct = trim(value * 100, 1);
  return kpi === "forecastBias" && value > 0 ? `+${pct} %` : `${pct} %`;
}

/** Change between two values: `+1.2 pts` for percentages, `-0.5 d` for days; null when either is missing. */
export function formatKpiDelta(kpi: KpiName, now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const d = now - before;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  return KPI_UNITS[kpi] === "days"
    ? `${sign}${trim(Math.abs(d), 1)} d`
    : `${sign}${trim(Math.abs(d) * 100, 1)} pts`;
}

/** The target as a person reads it: `≥ 95 %`, `|bias| ≤ 5 %`, `≤ 7 d`, `20–45 d`. */
export function formatTarget(kpi: KpiName, targets: Targets): string {
  const direction = KPI_DIRECTION[kpi];
  const f = (v: number) => (KPI_UNITS[kpi] === "days" ? `${trim(v, 1)} d` : `${trim(v * 100, 1)} %`);
  if (direction === "band") {
    const b = targets[kpi as "capacityUtilization" | "daysOfSupply"];
    return KPI_UNITS[kpi] === "days"
      ? `${trim(b.min, 1)}–${trim(b.max, 1)} d`
      : `${trim(b.min * 100, 1)}–${trim(b.max * 100, 1)} %`;
  }
  const t = targets[kpi as Exclude<KpiName, "capacityUtilization" | "daysOfSupply">];
  if (direction === "higher") return `≥ ${f(t.target)}`;
  if (direction === "absLower") return `|bias| ≤ ${f(t.target)}`;
  return `≤ ${f(t.target)}`;
}

/**
 * Targets and RAG status per KPI, direction-aware:
 *   higher is better (forecast accuracy, on-time delivery, service level, plan adherence):
 *     green at or above `target`, amber down to `amber`, red below;
 *   lower is better (MAPE, cycle time judged by its mean, and forecast bias judged by |bias|):
 *     green at or below `target`, amber up to `amber`, red above;
 *   a healthy band (capacity utilisation, days of supply): green inside [min, max], amber inside
 *     [amberMin, amberMax] (defaults: the green band), red outside.
 * A threshold whose amber lies on the wrong side of its target simply has no amber zone.
 * No data → "none", never red.
 */
import type { Rag } from "../format/status.ts";
import { DEFAULT_KPI_TARGETS, type KpiTargets, kpiTargetsOf, type TeamConfig } from "../team/team-config.ts";
import { headlineValue, type KpiName, type KpiValues } from "./kpi-values.ts";

export type RagStatus = Rag;
export type Direction = "higher" | "lower" | "absLower" | "band";

export const KPI_DIRECTION: Record<KpiName, Direction> = {
  forecastAccuracy: "higher",
  forecastBias: "absLower",
  mape: "lower",
  onTimeDelivery: "higher",
  serviceLevel: "higher",
  planAdherence: "higher",
  cycleTime: "lower",
  capacityUtilization: "band",
  daysOfSupply: "band",
};

export type Targets = Required<KpiTargets>;
type Threshold = { target: number; amber: number };
type Band = { min: number; max: number; amberMin?: number; amberMax?: number };

/** The team's targets (defaults for KPIs it does not set; all defaults without a configuration). */
export function targetsFor(cfg: TeamConfig | null): Targets {
  return cfg ? kpiTargetsOf(cfg) : DEFAULT_KPI_TARGETS;
}

export function ragStatus(kpi: KpiName, value: number | null, targets: Targets): RagStatus {
  if (value === null || !Number.isFinite(value)) return "none";
  const direction = KPI_DIRECTION[kpi];
  if (direction === "band") {
    const b = targets[kpi as "capacityUtilization" | "daysOfSupply"] as Band;
    if (value >= b.min && value <= b.max) return "green";
    const lo = Math.min(b.amberMin ?? b.min, b.min);
    const hi = Math.max(b.amberMax ?? b.max, b.max);
    return value >= lo && value <= hi ? "amber" : "red";
  }
  const t = targets[kpi as Exclude<KpiName, "capacityUtilization" | "daysOfSupply">] as Threshold;
  if (direction === "higher") {
    if (value >= t.target) return "green";
    return value >= Math.min(t.amber, t.target) ? "amber" : "red";
  }
  const v = direction === "absLower" ? Math.abs(value) : value;
  if (v <= t.target) return "green";
  return v <= Math.max(t.amber, t.target) ? "amber" : "red";
}

export function ragOf(values: KpiValues, targets: Targets): Record<KpiName, RagStatus> {
  const out = {} as Record<KpiName, RagStatus>;
  for (const kpi of Object.keys(KPI_DIRECTION) as KpiName[])
    out[kpi] = ragStatus(kpi, headlineValue(values, kpi), targets);
  return out;
}

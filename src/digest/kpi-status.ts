/**
 * RAG status and trend of a KPI value against its team target (DESIGN §4): green at or beyond the
 * target, amber up to the amber threshold, red beyond; bands (capacity, days of supply) are green
 * inside [min, max] and amber inside [amberMin, amberMax]. Trend compares with the previous week.
 */
import type { KpiTargets } from "../team/team-config.ts";
import type { DigestUnit, KpiDirection, KpiKey } from "./kpi-catalog.ts";

export type Rag = "green" | "amber" | "red" | "none";

type Threshold = { target: number; amber: number };
type Band = { min: number; max: number; amberMin?: number; amberMax?: number };

export function ragOf(
  direction: KpiDirection,
  target: Threshold | Band | undefined,
  value: number | null,
): Rag {
  if (value === null || target === undefined) return "none";
  if (direction === "band") {
    const b = target as Band;
    if (value >= b.min && value <= b.max) return "green";
    if (value >= (b.amberMin ?? b.min) && value <= (b.amberMax ?? b.max)) return "amber";
    return "red";
  }
  const t = target as Threshold;
  if (direction === "higher") return value >= t.target ? "green" : value >= t.amber ? "amber" : "red";
  const v = direction === "abs-lower" ? Math.abs(value) : value;
  return v <= t.target ? "green" : v <= t.amber ? "amber" : "red";
}

export type Trend = "up" | "down" | "flat" | "none";

export interface TrendInfo {
  trend: Trend;
  /** value − previous, null without both. */
  delta: number | null;
  /** Whether the move is an improvement; null when flat or unknown. */
  better: boolean | null;
}

/** Changes smaller than this count as flat: 0.1 percentage point, or 0.05 days. */
const FLAT: Record<DigestUnit, number> = { percent: 0.001, days: 0.05 };

export function trendOf(
  direction: KpiDirection,
  unit: DigestUnit,
  target: Threshold | Band | undefined,
  value: number | null,
  previous: number | null,
): TrendInfo {
  if (value === null || previous === null) return { trend: "none", delta: null, better: null };
  const delta = value - previous;
  if (Math.abs(delta) < FLAT[unit]) return { trend: "flat", delta, better: null };
  const trend: Trend = delta > 0 ? "up" : "down";
  let better: boolean | null;
  switch (direction) {
    case "higher":
      better = delta > 0;
      break;
    case "lower":
      better = delta < 0;
      break;
    case "abs-lower":
      better = Math.abs(value) < Math.abs(previous);
      break;
    case "band": {
      const b = target as Band | undefined;
      if (!b) better = null;
      else {
        const mid = (b.min + b.max) / 2;
        better = Math.abs(value - mid) < Math.abs(previous - mid);
      }
      break;
    }
  }
  return { trend, delta, better };
}

/** The target as executives read it, e.g. "≥ 95 %", "≤ 7 days", "|bias| ≤ 5 %", "75–95 %". */
export function describeTarget(
  key: KpiKey,
  direction: KpiDirection,
  unit: DigestUnit,
  target: Threshold | Band | undefined,
): string {
  if (!target) return "no target";
  const f = (v: number) => (unit === "percent" ? `${round1(v * 100)} %` : `${round1(v)} days`);
  if (direction === "band") {
    const b = target as Band;
    return unit === "percent"
      ? `${round1(b.min * 100)}–${round1(b.max * 100)} %`
      : `${round1(b.min)}–${round1(b.max)} days`;
  }
  const t = (target as Threshold).target;
  if (direction === "higher") return `≥ ${f(t)}`;
  if (direction === "abs-lower") return `${key === "forecastBias" ? "|bias|" : "|value|"} ≤ ${f(t)}`;
  return `≤ ${f(t)}`;
}

const round1 = (v: number) => String(Math.round(v * 10) / 10);

export function targetOf(targets: Required<KpiTargets>, key: KpiKey): Threshold | Band | undefined {
  return targets[key] as Threshold | Band | undefined;
}

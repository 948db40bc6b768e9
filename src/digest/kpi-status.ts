/**
 * Trend of a KPI against the week before: the arrow, the change, and whether it is an improvement
 * given the KPI's direction (RAG status itself is the KPI engine's `ragStatus`, src/kpi/targets.ts).
 */
import type { Targets } from "../kpi/targets.ts";
import type { DigestUnit, KpiDirection, KpiKey } from "./kpi-catalog.ts";

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
  key: KpiKey,
  direction: KpiDirection,
  unit: DigestUnit,
  targets: Targets,
  value: number | null,
  previous: number | null,
): TrendInfo {
  if (value === null || previous === null) return { trend: "none", delta: null, better: null };
  const delta = value - previous;
  if (Math.abs(delta) < FLAT[unit]) return { trend: "flat", delta, better: null };
  const trend: Trend = delta > 0 ? "up" : "down";
  let better: boolean;
  switch (direction) {
    case "higher":
      better = delta > 0;
      break;
    case "lower":
      better = delta < 0;
      break;
    case "absLower":
      better = Math.abs(value) < Math.abs(previous);
      break;
    case "band": {
      // Closer to the middle of the healthy band is better.
      const b = targets[key as "capacityUtilization" | "daysOfSupply"];
      const mid = (b.min + b.max) / 2;
      better = Math.abs(value - mid) < Math.abs(previous - mid);
      break;
    }
  }
  return { trend, delta, better };
}

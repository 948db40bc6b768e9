/**
 * The KPI tiles of the digest and the dashboard: each KPI's value in the reporting week, its target,
 * RAG status (the KPI engine's) and trend arrow against the week before (the last two snapshots).
 */
import { formatTarget } from "../kpi/catalog.ts";
import { recentSnapshots } from "../kpi/snapshots.ts";
import { type RagStatus, ragStatus, targetsFor } from "../kpi/targets.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { DIGEST_KPIS, type DigestUnit, type KpiDirection, type KpiKey } from "./kpi-catalog.ts";
import { type Trend, trendOf } from "./kpi-status.ts";

export type Rag = RagStatus;

export interface KpiLine {
  key: KpiKey;
  label: string;
  unit: DigestUnit;
  direction: KpiDirection;
  value: number | null;
  previous: number | null;
  /** Numeric target for charts (the threshold target; null for bands). */
  targetValue: number | null;
  /** e.g. "≥ 95 %". */
  target: string;
  rag: Rag;
  trend: Trend;
  delta: number | null;
  better: boolean | null;
}

export interface WeekSnapshot {
  week: string;
  values: Record<string, unknown>;
  computedAt: Date;
}

/** The stored snapshots of the `n` weeks ending with `through` (the KPI engine's), by week; missing weeks are absent. */
export async function loadSnapshots(
  teamId: string,
  through: string,
  n: number,
): Promise<Map<string, WeekSnapshot>> {
  const snaps = await recentSnapshots(teamId, n, { through });
  return new Map(
    snaps.map((s) => [
      s.week,
      { week: s.week, values: s.values as unknown as Record<string, unknown>, computedAt: s.computedAt },
    ]),
  );
}

export function kpiLines(
  cfg: TeamConfig,
  current: WeekSnapshot | undefined,
  previous: WeekSnapshot | undefined,
): KpiLine[] {
  const targets = targetsFor(cfg);
  return DIGEST_KPIS.map((k) => {
    const target = targets[k.key] as { target?: number };
    const value = current ? k.read(current.values) : null;
    const prev = previous ? k.read(previous.values) : null;
    const t = trendOf(k.key, k.direction, k.unit, targets, value, prev);
    return {
      key: k.key,
      label: k.label,
      unit: k.unit,
      direction: k.direction,
      value,
      previous: prev,
      targetValue: typeof target.target === "number" ? target.target : null,
      target: formatTarget(k.key, targets),
      rag: ragStatus(k.key, value, targets),
      trend: t.trend,
      delta: t.delta,
      better: t.better,
    };
  });
}

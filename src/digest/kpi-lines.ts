/**
 * The KPI tiles of the digest and the dashboard: each KPI's value in the reporting week, its target,
 * RAG status and trend arrow against the week before (the last two snapshots).
 */
import { KpiSnapshotModel } from "../db/models/kpi-snapshot.ts";
import { kpiTargetsOf, type TeamConfig } from "../team/team-config.ts";
import { DIGEST_KPIS, type DigestUnit, type KpiDirection, type KpiKey } from "./kpi-catalog.ts";
import { describeTarget, type Rag, ragOf, type Trend, targetOf, trendOf } from "./kpi-status.ts";

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

/** Snapshots for these weeks (one `_id` lookup each); missing weeks are absent. */
export async function loadSnapshots(teamId: string, weeks: string[]): Promise<Map<string, WeekSnapshot>> {
  const docs = await Promise.all(weeks.map((w) => KpiSnapshotModel.findById(`${teamId}|${w}`).lean()));
  const out = new Map<string, WeekSnapshot>();
  for (const d of docs) {
    if (d && d.teamId === teamId)
      out.set(d.week, { week: d.week, values: d.values, computedAt: d.computedAt });
  }
  return out;
}

export function kpiLines(
  cfg: TeamConfig,
  current: WeekSnapshot | undefined,
  previous: WeekSnapshot | undefined,
): KpiLine[] {
  const targets = kpiTargetsOf(cfg);
  return DIGEST_KPIS.map((k) => {
    const target = targetOf(targets, k.key);
    const value = current ? k.read(current.values) : null;
    const prev = previous ? k.read(previous.values) : null;
    const t = trendOf(k.direction, k.unit, target, value, prev);
    return {
      key: k.key,
      label: k.label,
      unit: k.unit,
      direction: k.direction,
      value,
      previous: prev,
      targetValue: target && "target" in target ? target.target : null,
      target: describeTarget(k.key, k.direction, k.unit, target),
      rag: ragOf(k.direction, target, value),
      trend: t.trend,
      delta: t.delta,
      better: t.better,
    };
  });
}

/**
 * Weekly KPI snapshots, `_id` = `team|YYYY-Www`: recomputing a week replaces its document (idempotent),
 * the weeks of a trend are a list of `_id`s, and "the latest n" is the team's `_id` range read backwards
 * (ISO weeks sort by time). Small: teams × weeks.
 */
import { KpiSnapshotModel } from "../db/models/kpi-snapshot.ts";
import type { KpiValues } from "../kpi/kpi-values.ts";
import { teamIdRange } from "./id-range.ts";

export interface KpiSnapshot {
  teamId: string;
  week: string;
  /** The window the values cover: the week's Monday … its Sunday, or today while the week runs. */
  from: string;
  to: string;
  values: KpiValues;
  computedAt: Date;
}

const snapshotId = (teamId: string, week: string) => `${teamId}|${week}`;

/** Stores (replacing) the snapshot of a week. */
export async function storeKpiSnapshot(s: KpiSnapshot): Promise<void> {
  await KpiSnapshotModel.collection.replaceOne(
    { _id: snapshotId(s.teamId, s.week) } as never,
    { ...s, values: { ...s.values } },
    { upsert: true },
  );
}

function fromDoc(doc: Record<string, unknown>): KpiSnapshot {
  return {
    teamId: doc.teamId as string,
    week: doc.week as string,
    from: doc.from as string,
    to: doc.to as string,
    values: doc.values as KpiValues,
    computedAt: doc.computedAt as Date,
  };
}

/** The stored snapshots of these weeks (those never computed are absent), in no particular order. */
export async function kpiSnapshotsOf(teamId: string, weeks: string[]): Promise<KpiSnapshot[]> {
  if (weeks.length === 0) return [];
  const docs = await KpiSnapshotModel.collection
    .find({ _id: { $in: weeks.map((w) => snapshotId(teamId, w)) } } as never)
    .toArray();
  return (docs as unknown as Record<string, unknown>[]).filter((d) => d.teamId === teamId).map(fromDoc);
}

/** The team's latest `n` stored snapshots, newest first. */
export async function latestKpiSnapshots(teamId: string, n: number): Promise<KpiSnapshot[]> {
  const docs = await KpiSnapshotModel.collection
    .find(teamIdRange(teamId) as never)
    .sort({ _id: -1 })
    .limit(n)
    .toArray();
  return (docs as unknown as Record<string, unknown>[]).map(fromDoc);
}

/**
 * Weekly KPI snapshots per team (issue #4): the KPIs of one ISO week (Monday … Sunday, or … today while
 * the week runs) stored under `_id` = `team|YYYY-Www`. Recomputing a week replaces its document, so the
 * daily recompute is idempotent and the last 12 weeks are 12 `_id`s.
 */
import type { Clock } from "../clock.ts";
import { KpiSnapshotModel } from "../db/models/kpi-snapshot.ts";
import { UserError } from "../errors.ts";
import { loadTeamConfig } from "../team/team-config-store.ts";
import { earlierOf } from "../time/dates.ts";
import {
  addWeeks,
  isoWeekMonday,
  isoWeekOf,
  isoWeekSunday,
  parseIsoWeek,
  weeksEndingWith,
} from "../time/iso-week.ts";
import { todayFor } from "../time/today.ts";
import { computeKpisFor } from "./compute-kpis.ts";
import type { KpiValues } from "./kpi-values.ts";

export interface KpiSnapshot {
  teamId: string;
  week: string;
  from: string;
  to: string;
  values: KpiValues;
  computedAt: Date;
}

export const snapshotId = (teamId: string, week: string) => `${teamId}|${week}`;

/** The team's current ISO week, by its time zone. */
export async function currentWeek(teamId: string, clock: Clock): Promise<string> {
  const cfg = await loadTeamConfig(teamId);
  return isoWeekOf(todayFor(clock, cfg?.timezone ?? "UTC"));
}

/** Computes and stores (replacing) the snapshot of `week` for a team. */
export async function snapshotWeek(teamId: string, week: string, clock: Clock): Promise<KpiSnapshot> {
  return (await snapshotWeeks(teamId, [week], clock))[0]!;
}

/** Computes the snapshots of several weeks from one read of the actuals they need, and stores each. */
export async function snapshotWeeks(teamId: string, weeks: string[], clock: Clock): Promise<KpiSnapshot[]> {
  const cfg = await loadTeamConfig(teamId);
  const today = todayFor(clock, cfg?.timezone ?? "UTC");
  const windows = weeks.map((week) => {
    if (!parseIsoWeek(week))
      throw new UserError("bad_input", `"${week}" is not an ISO week; use YYYY-Www, e.g. 2026-W47.`);
    const from = isoWeekMonday(week);
    if (from > today) throw new UserError("bad_input", `${week} has not started yet (it starts ${from}).`);
    return { week, from, to: earlierOf(isoWeekSunday(week), today) };
  });
  const values = await computeKpisFor(teamId, windows);
  const snapshots: KpiSnapshot[] = [];
  for (const [i, { week, from, to }] of windows.entries())
    snapshots.push(
      await storeSnapshot({ teamId, week, from, to, values: values[i]!, computedAt: clock.now() }),
    );
  return snapshots;
}

async function storeSnapshot(snapshot: KpiSnapshot): Promise<KpiSnapshot> {
  const { teamId, week, values } = snapshot;
  // kpi_snapshots stays small (teams × weeks), so a replace by _id is cheap even on FerretDB.
  await KpiSnapshotModel.collection.replaceOne(
    { _id: snapshotId(teamId, week) } as never,
    { ...snapshot, values: { ...values } },
    { upsert: true },
  );
  return snapshot;
}

/** What the daily recompute does: last week (to finalise it) and the current week so far. */
export async function refreshSnapshots(teamId: string, clock: Clock): Promise<KpiSnapshot[]> {
  const week = await currentWeek(teamId, clock);
  return snapshotWeeks(teamId, [addWeeks(week, -1), week], clock);
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

/**
 * The stored snapshots of the `n` weeks ending with `through` (default: the latest stored week), oldest
 * first; weeks never computed are absent, so callers align by `week`.
 */
export async function recentSnapshots(
  teamId: string,
  n: number,
  opts: { through?: string } = {},
): Promise<KpiSnapshot[]> {
  if (n <= 0) return [];
  let docs: Record<string, unknown>[];
  if (opts.through) {
    if (!parseIsoWeek(opts.through)) throw new RangeError(`not an ISO week: ${opts.through}`);
    const ids = weeksEndingWith(opts.through, n).map((w) => snapshotId(teamId, w));
    docs = (await KpiSnapshotModel.collection
      .find({ teamId, _id: { $in: ids } } as never)
      .toArray()) as unknown as Record<string, unknown>[];
  } else {
    docs = (await KpiSnapshotModel.collection
      .find({ teamId })
      .sort({ week: -1 })
      .limit(n)
      .toArray()) as unknown as Record<string, unknown>[];
  }
  return docs.map(fromDoc).sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}

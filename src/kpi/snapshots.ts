/**
 * Weekly KPI snapshots per team: the KPIs of one ISO week (Monday … Sunday, or … today while
 * the week runs) stored under `_id` = `team|YYYY-Www`. Recomputing a week replaces its document, so the
 * daily recompute is idempotent and the last 12 weeks are 12 `_id`s.
 */
import type { Clock } from "../clock.ts";
import { UserError } from "../errors.ts";
import {
  type KpiSnapshot,
  kpiSnapshotsOf,
  latestKpiSnapshots,
  storeKpiSnapshot,
} from "../store/kpi-snapshots.ts";
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

export type { KpiSnapshot };

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
  for (const [i, { week, from, to }] of windows.entries()) {
    const snapshot: KpiSnapshot = { teamId, week, from, to, values: values[i]!, computedAt: clock.now() };
    await storeKpiSnapshot(snapshot);
    snapshots.push(snapshot);
  }
  return snapshots;
}

/** What the daily recompute does: last week (to finalise it) and the current week so far. */
export async function refreshSnapshots(teamId: string, clock: Clock): Promise<KpiSnapshot[]> {
  const week = await currentWeek(teamId, clock);
  return snapshotWeeks(teamId, [addWeeks(week, -1), week], clock);
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
  let snaps: KpiSnapshot[];
  if (opts.through) {
    if (!parseIsoWeek(opts.through)) throw new RangeError(`not an ISO week: ${opts.through}`);
    snaps = await kpiSnapshotsOf(teamId, weeksEndingWith(opts.through, n));
  } else {
    snaps = await latestKpiSnapshots(teamId, n);
  }
  return snaps.sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
}

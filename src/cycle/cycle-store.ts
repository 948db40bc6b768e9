/**
 * Reads and commits cycle state. A transition is committed by inserting its audit event as the next
 * step of the cycle's log (src/store/cycles.ts): exactly one of any number of concurrent commits of the
 * same state wins, the others reload and explain. The snapshot is refreshed after; readers apply any
 * logged events newer than it, so a crash between the two writes never loses a transition.
 * The latest state read or committed is kept per process (src/store/recent-reads.ts) for up to 10 s:
 * a read then costs two small lookups by `_id` made together (its last event's time, the next event),
 * so a transition committed on any replica is seen by the next read. States handed out are shared and
 * frozen.
 */
import type { Logger } from "../logger.ts";
import {
  commitCycleEvent,
  commitCycleStart,
  cycleEventTime,
  insertCycleSnapshot,
  readCycleEvent,
  readCycleSnapshot,
  rebuildCycleFromStart,
  refreshCycleSnapshot,
} from "../store/cycles.ts";
import { RecentReads } from "../store/recent-reads.ts";
import { applyEvent, type CycleEvent, type CycleState, cycleId } from "./cycle-state.ts";

// Starts and transitions this process committed, per team: lets the app notice that an interaction
// changed a cycle (to refresh dashboards) without reading the cycles again.
const commits = new Map<string, number>();

export function committedChanges(teamId: string): number {
  return commits.get(teamId) ?? 0;
}

function noteCommit(teamId: string): void {
  commits.set(teamId, committedChanges(teamId) + 1);
}

/** Applies logged events newer than the snapshot. */
async function catchUp(state: CycleState): Promise<{ state: CycleState; behind: number }> {
  let s = state;
  let behind = 0;
  for (;;) {
    const next = await readCycleEvent(s.id, s.rev + 1);
    if (!next) return { state: s, behind };
    s = applyEvent(s, next);
    behind += 1;
  }
}

const recent = new RecentReads<CycleState>(10_000);

/** Keeps `state` as the latest of its cycle unless a later one is kept already. */
function remember(state: CycleState, readAt?: number): CycleState {
  const kept = recent.get(state.id);
  if (kept && kept.rev >= state.rev) return state;
  return recent.set(state.id, state, readAt ?? recent.readAt(state.id));
}

/** The cycle of `teamId` for `period`, with every committed transition applied; null when not started. */
export async function getCycle(teamId: string, period: string): Promise<CycleState | null> {
  const id = cycleId(teamId, period);
  const known = recent.get(id);
  if (known) {
    // Still the log it was read from (its last event unchanged: not a reset database), caught up.
    const lastAt = known.events.find((e) => e.seq === known.rev)?.at;
    const [at, next] = await Promise.all([cycleEventTime(id, known.rev), readCycleEvent(id, known.rev + 1)]);
    if (lastAt && at?.getTime() === lastAt.getTime()) {
      if (!next) return known;
      const { state } = await catchUp(applyEvent(known, next));
      await refreshCycleSnapshot(state);
      return remember(state);
    }
    recent.delete(id);
  }
  const readAt = performance.now();
  const snapshot = (await readCycleSnapshot(id)) ?? (await rebuildCycleFromStart(id));
  if (!snapshot) return null;
  const { state, behind } = await catchUp(snapshot);
  if (behind > 0) await refreshCycleSnapshot(state);
  return remember(state, readAt);
}

/**
 * Starts a cycle; false when it was already started (starting twice). The start is committed by ONE
 * insert, like every transition: event 1, carrying the initial cycle document. The cycle document is
 * written next; if that write fails the caller hears of it (and may say "try again"), yet the start
 * stands and the first reader rebuilds the document from the event — never a cycle without its start
 * in the log, never a start reported that was not committed.
 */
export async function insertCycle(state: CycleState): Promise<boolean> {
  if (!(await commitCycleStart(state))) return false;
  noteCommit(state.teamId);
  await insertCycleSnapshot(state);
  return true;
}

/**
 * Commits `event` as the next transition of `state` (event.seq must be state.rev + 1). Returns the new
 * state, or null when another transition was committed first — the caller reloads and explains.
 */
export async function commitEvent(
  state: CycleState,
  event: CycleEvent,
  log?: Logger,
): Promise<CycleState | null> {
  if (event.seq !== state.rev + 1) throw new Error("commitEvent: event is not the next seq");
  if (!(await commitCycleEvent(state, event))) return null;
  noteCommit(state.teamId);
  const next = applyEvent(state, event);
  await refreshCycleSnapshot(next, log);
  return remember(next);
}

/**
 * Reads and commits cycle state. A transition is committed by ONE insert: the audit event with
 * `_id` = `${cycleId}|${seq}` where seq = the state's rev + 1. The unique `_id` makes the insert the
 * atomic compare-and-set: of fifty concurrent clicks on the same state exactly one insert succeeds and the
 * rest get a duplicate-key error — on MongoDB and on FerretDB 1.24, whose findAndModify reads and writes
 * in two steps and lets several "conditional" updates win at once (measured: 2-6 winners of 50).
 * The cycle document is then refreshed to the new snapshot; readers catch up on any events newer than the
 * snapshot, so a crash between the two writes, or an out-of-order snapshot write, never loses a transition.
 */
import { isDuplicateKeyError } from "../db/idempotency.ts";
import { type CycleDoc, CycleModel } from "../db/models/cycle.ts";
import { type CycleEventDoc, CycleEventModel } from "../db/models/cycle-event.ts";
import type { Logger } from "../logger.ts";
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

export function cycleEventId(id: string, seq: number): string {
  return `${id}|${String(seq).padStart(4, "0")}`;
}

function toEvent(e: CycleEventDoc | Record<string, unknown>): CycleEvent {
  const r = e as Record<string, unknown>;
  return {
    seq: r.seq as number,
    at: new Date(r.at as Date),
    by: r.by as string,
    action: r.action as CycleEvent["action"],
    phase: r.phase as string,
    from: r.from as CycleEvent["from"],
    to: r.to as CycleEvent["to"],
    comment: (r.comment as string | null) ?? null,
    version: (r.version as number | null) ?? null,
    opened: (r.opened as string | null) ?? null,
    closed: Boolean(r.closed),
    ...(typeof r.scenario === "string" ? { scenario: r.scenario } : {}),
  };
}

function toState(doc: CycleDoc): CycleState {
  const phases: CycleState["phases"] = {};
  for (const [id, raw] of Object.entries(doc.phases)) {
    const p = raw as CycleState["phases"][string];
    phases[id] = {
      ...p,
      owners: [...(p.owners ?? [])],
      approvers: [...(p.approvers ?? [])],
      dueAt: new Date(p.dueAt),
    };
  }
  return {
    id: doc._id,
    teamId: doc.teamId,
    period: doc.period,
    timezone: doc.timezone,
    status: doc.status,
    order: [...doc.order],
    phases,
    rev: doc.rev,
    startedAt: new Date(doc.startedAt),
    startedBy: doc.startedBy,
    closedAt: doc.closedAt ? new Date(doc.closedAt) : null,
    events: (doc.events ?? []).map((e) => toEvent(e as Record<string, unknown>)),
  };
}

function snapshotFields(s: CycleState) {
  return {
    status: s.status,
    phases: s.phases,
    rev: s.rev,
    closedAt: s.closedAt,
    events: s.events,
  };
}

/** Applies logged events newer than the snapshot (each looked up by `_id`, the only indexed path on FerretDB). */
async function catchUp(state: CycleState): Promise<{ state: CycleState; behind: number }> {
  let s = state;
  let behind = 0;
  for (;;) {
    const next = await CycleEventModel.findById(cycleEventId(s.id, s.rev + 1)).lean();
    if (!next) return { state: s, behind };
    s = applyEvent(s, toEvent(next));
    behind += 1;
  }
}

/** Writes the snapshot unless a newer one is already stored. Best effort: the event log is the truth. */
async function storeSnapshot(state: CycleState, log?: Logger): Promise<void> {
  try {
    await CycleModel.updateOne({ _id: state.id, rev: { $lt: state.rev } }, { $set: snapshotFields(state) });
  } catch (err) {
    log?.warn({ err, cycle: state.id, rev: state.rev }, "cycle snapshot not refreshed (readers catch up)");
  }
}

/** The cycle of `teamId` for `period`, with every committed transition applied; null when not started. */
export async function getCycle(teamId: string, period: string): Promise<CycleState | null> {
  const id = cycleId(teamId, period);
  const doc = (await CycleModel.findById(id).lean<CycleDoc>()) ?? (await rebuildFromStartEvent(id));
  if (!doc) return null;
  const { state, behind } = await catchUp(toState(doc));
  if (behind > 0) await storeSnapshot(state);
  return state;
}

function initialDocument(state: CycleState): CycleDoc {
  return {
    _id: state.id,
    teamId: state.teamId,
    period: state.period,
    timezone: state.timezone,
    order: state.order,
    startedAt: state.startedAt,
    startedBy: state.startedBy,
    ...snapshotFields(state),
  };
}

/**
 * A start whose event was logged but whose cycle document was not written (the database went away
 * between the two): the start event carries the document, so it is stored now and the cycle is whole.
 */
async function rebuildFromStartEvent(id: string): Promise<CycleDoc | null> {
  const start = await CycleEventModel.findById(cycleEventId(id, 1)).lean<CycleEventDoc>();
  if (!start?.initial) return null;
  const doc = { ...(start.initial as unknown as CycleDoc), _id: id };
  await CycleModel.create(doc).catch((err) => {
    if (!isDuplicateKeyError(err)) throw err;
  });
  return doc;
}

/**
 * Starts a cycle; false when it was already started (starting twice). The start is committed by ONE
 * insert, like every transition: event 1, carrying the initial cycle document. The cycle document is
 * written next; if that write fails the caller hears of it (and may say "try again"), yet the start
 * stands and the first reader rebuilds the document from the event — never a cycle without its start
 * in the log, never a start reported that was not committed.
 */
export async function insertCycle(state: CycleState): Promise<boolean> {
  const doc = initialDocument(state);
  const { _id, ...initial } = doc;
  const [start] = state.events;
  if (start?.seq !== 1) throw new Error("insertCycle: a new cycle's first event is its start");
  try {
    await CycleEventModel.create({
      _id: cycleEventId(_id, 1),
      teamId: state.teamId,
      period: state.period,
      ...start,
      initial,
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
  noteCommit(state.teamId);
  await CycleModel.create(doc).catch((err) => {
    if (!isDuplicateKeyError(err)) throw err;
  });
  return true;
}

async function insertEvent(state: CycleState, event: CycleEvent): Promise<void> {
  await CycleEventModel.create({
    _id: cycleEventId(state.id, event.seq),
    teamId: state.teamId,
    period: state.period,
    ...event,
  });
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
  try {
    await insertEvent(state, event);
  } catch (err) {
    if (isDuplicateKeyError(err)) return null;
    throw err;
  }
  noteCommit(state.teamId);
  const next = applyEvent(state, event);
  await storeSnapshot(next, log);
  return next;
}

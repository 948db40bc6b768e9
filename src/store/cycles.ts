/**
 * Cycle documents and their event log. A transition is committed by ONE insert: the audit event with
 * `_id` = `${cycleId}|${seq}` (seq = the state's rev + 1), a step of a fixed-`_id` series (series.ts):
 * of fifty concurrent clicks on the same state exactly one insert succeeds — on MongoDB and on FerretDB
 * 1.24, whose findAndModify reads and writes in two steps and lets several "conditional" updates win at
 * once (measured: 2-6 winners of 50). The cycle document is the snapshot, refreshed after the commit
 * unless a newer one is stored; readers catch up on events newer than the snapshot.
 */

import type { CycleEvent, CycleState } from "../cycle/cycle-state.ts";
import { type CycleDoc, CycleModel } from "../db/models/cycle.ts";
import { type CycleEventDoc, CycleEventModel } from "../db/models/cycle-event.ts";
import type { Logger } from "../logger.ts";
import { commitStep, readStep, readStepField, seriesId } from "./series.ts";
import { isDuplicateKeyError } from "./unique-insert.ts";

export function cycleEventId(id: string, seq: number): string {
  return seriesId(id, seq);
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
  return { status: s.status, phases: s.phases, rev: s.rev, closedAt: s.closedAt, events: s.events };
}

function documentOf(state: CycleState): CycleDoc {
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

/** The stored snapshot of a cycle (possibly behind its log), or null. */
export async function readCycleSnapshot(id: string): Promise<CycleState | null> {
  const doc = await readStep<CycleDoc>(CycleModel, id);
  return doc ? toState(doc) : null;
}

/** Event `seq` of a cycle's log, or null when not committed (yet). */
export async function readCycleEvent(id: string, seq: number): Promise<CycleEvent | null> {
  const doc = await readStep<CycleEventDoc>(CycleEventModel, cycleEventId(id, seq));
  return doc ? toEvent(doc) : null;
}

/** When event `seq` of a cycle's log was made, without reading the rest of it; null when not committed. */
export async function cycleEventTime(id: string, seq: number): Promise<Date | null> {
  const at = await readStepField(CycleEventModel, cycleEventId(id, seq), "at");
  return at === undefined || at === null ? null : new Date(at as Date);
}

/**
 * A start whose event was logged but whose cycle document was not written (the database went away
 * between the two): the start event carries the document, which is stored now; null when no start.
 */
export async function rebuildCycleFromStart(id: string): Promise<CycleState | null> {
  const start = await readStep<CycleEventDoc>(CycleEventModel, cycleEventId(id, 1));
  if (!start?.initial) return null;
  const doc = { ...(start.initial as unknown as CycleDoc), _id: id };
  await insertSnapshotOnce(doc);
  return toState(doc);
}

async function insertSnapshotOnce(doc: CycleDoc): Promise<void> {
  try {
    await CycleModel.collection.insertOne(doc as never);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * Commits a cycle's start: event 1, carrying the initial cycle document, so the log alone can rebuild
 * the cycle. False when it was started already.
 */
export function commitCycleStart(state: CycleState): Promise<boolean> {
  const [start] = state.events;
  if (start?.seq !== 1) throw new Error("commitCycleStart: a new cycle's first event is its start");
  const { _id, ...initial } = documentOf(state);
  return commitStep(CycleEventModel, {
    _id: cycleEventId(_id, 1),
    teamId: state.teamId,
    period: state.period,
    ...start,
    initial,
  });
}

/** Writes a new cycle's first snapshot (once; a rebuilt one may have been written already). */
export function insertCycleSnapshot(state: CycleState): Promise<void> {
  return insertSnapshotOnce(documentOf(state));
}

/** Commits `event` as the next step of `state`'s log: true when this writer won it. */
export function commitCycleEvent(state: CycleState, event: CycleEvent): Promise<boolean> {
  return commitStep(CycleEventModel, {
    _id: cycleEventId(state.id, event.seq),
    teamId: state.teamId,
    period: state.period,
    ...event,
  });
}

/** Writes the snapshot unless a newer one is stored. Best effort: the event log is the truth. */
export async function refreshCycleSnapshot(state: CycleState, log?: Logger): Promise<void> {
  try {
    await CycleModel.collection.updateOne({ _id: state.id, rev: { $lt: state.rev } } as never, {
      $set: snapshotFields(state),
    });
  } catch (err) {
    log?.warn({ err, cycle: state.id, rev: state.rev }, "cycle snapshot not refreshed (readers catch up)");
  }
}

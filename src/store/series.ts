/**
 * Fixed-`_id` series: a sequence of steps (cycle transitions, configuration revisions, lease
 * generations, outbox attempts) where step n has a deterministic `_id`. Committing step n is inserting
 * it (unique-insert.ts): exactly one writer wins, the others learn they lost and reload. A head document
 * may cache the latest step for cheap reads; it is only a hint — readers catch up by looking up the next
 * `_id`s until one is missing, so a crash between the commit and the head refresh, or an out-of-order
 * head write, never hides a committed step.
 */
import type { Model } from "mongoose";
import { insertUnique, isDuplicateKeyError } from "./unique-insert.ts";

// biome-ignore lint/suspicious/noExplicitAny: any model whose documents have a string _id
type AnyModel = Model<any>;

/** `${prefix}|${seq}`, zero-padded so the steps of one series sort by `_id`. */
export function seriesId(prefix: string, seq: number, width = 4): string {
  return `${prefix}|${String(seq).padStart(width, "0")}`;
}

/** Commits a step: true when this writer won it, false when the step was already taken. */
export function commitStep<T extends { _id: string }>(model: AnyModel, step: T): Promise<boolean> {
  return insertUnique(model, step);
}

/** Reads one step by `_id` (the only lookup FerretDB serves from an index). */
export async function readStep<T>(model: AnyModel, id: string): Promise<T | null> {
  return (await model.collection.findOne({ _id: id } as never)) as T | null;
}

/** One field of a step, looked up by `_id` without reading the rest (undefined: no such step). */
export async function readStepField(model: AnyModel, id: string, field: string): Promise<unknown> {
  const doc = (await model.collection.findOne({ _id: id } as never, {
    projection: { [field]: 1 },
  })) as Record<string, unknown> | null;
  return doc ? (doc[field] ?? null) : undefined;
}

/**
 * The steps after `from`, in order, each looked up by `_id` until the first missing one. Series are
 * short past their head (usually zero or one step), so this is one or two point lookups.
 */
export async function stepsAfter<T>(
  model: AnyModel,
  idOf: (seq: number) => string,
  from: number,
): Promise<{ seq: number; step: T }[]> {
  const out: { seq: number; step: T }[] = [];
  for (let seq = from + 1; ; seq++) {
    const step = await readStep<T>(model, idOf(seq));
    if (!step) return out;
    out.push({ seq, step });
  }
}

/**
 * Moves a head document forward to step `seq` (creating it on the first step) unless it already shows
 * that step or a later one. Not atomic on FerretDB (two refreshes may both match), which is harmless:
 * the head is a hint, and a head left behind costs readers one more lookup.
 */
export async function refreshHead(
  model: AnyModel,
  id: string,
  field: string,
  seq: number,
  set: Record<string, unknown>,
): Promise<void> {
  try {
    await model.collection.updateOne(
      { _id: id, [field]: { $lt: seq } } as never,
      { $set: { ...set, [field]: seq } },
      { upsert: true },
    );
  } catch (err) {
    // The upsert's insert collided with a head that is already at `seq` or later: nothing to do.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * The one write that is atomic everywhere: inserting a document under a deterministic `_id`. Of any
 * number of concurrent inserts of the same `_id` exactly one succeeds and the others get a duplicate-key
 * error — on MongoDB and on FerretDB 1.24, where a conditional `updateOne`/`findOneAndUpdate` is NOT
 * atomic (it reads and writes in two steps; measured: 2-18 of 20 concurrent conditional writers "won").
 * Every commit in the store (cycle transitions, configuration revisions, job claims, leases, outbox
 * attempts, event claims) is such an insert.
 */
import type { Model } from "mongoose";

export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: number }).code === 11000;
}

/**
 * Inserts `doc` (which carries its `_id`); true when this call won, false when a document with that
 * `_id` already existed. Any other failure (an outage) is thrown: losing a race and not reaching the
 * database are different answers. The driver's insertOne, not Model.create: same document, less CPU.
 */
export async function insertUnique<T extends { _id: string }>(
  // biome-ignore lint/suspicious/noExplicitAny: any model whose documents have a string _id
  model: Model<any>,
  doc: T,
): Promise<boolean> {
  try {
    await model.collection.insertOne(doc as never);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Exactly-once claims for incoming work (Slack retries, duplicate deliveries). */
import { IdempotencyKeyModel } from "./models/idempotency-key.ts";

export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: number }).code === 11000;
}

/** True when this call claimed the key; false when it was claimed before. */
export async function claimOnce(teamId: string, key: string, now: Date): Promise<boolean> {
  try {
    // The driver's insertOne, not Model.create: same document, ~0.4 ms less CPU on every request (bench/ack.ts).
    await IdempotencyKeyModel.collection.insertOne({
      _id: `${teamId}:${key}`,
      teamId,
      createdAt: now,
    } as never);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Gives a key back when the work it guarded failed, so a retry can do it. */
export async function releaseClaim(teamId: string, key: string): Promise<void> {
  await IdempotencyKeyModel.deleteOne({ _id: `${teamId}:${key}` });
}

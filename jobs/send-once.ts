/**
 * One Slack call made through the outbox (src/store/outbox.ts): the attempt is recorded before the call
 * and Slack's answer after it. What came of it:
 * - sent: now (`now: true`) or by an earlier run (its recorded answer, nothing sent now);
 * - refused: Slack answered with an error, recorded as not sent (a later run tries again);
 * - unknown: an earlier attempt's answer was never recorded, or this call got no answer at all — it may
 *   have gone out, so it is not sent again (`first`: this call found or made it so: report it once);
 * - busy: another writer claimed the same attempt at the same moment.
 * A failure to record the answer (the database went away) is thrown: the run fails, and its retry finds
 * the attempt `sending`, i.e. unknown.
 */
import {
  appendToOutbox,
  markUnknown,
  type OutboxKey,
  type OutboxOutcome,
  recordNotSent,
  recordSent,
} from "../src/store/outbox.ts";
import { classifySlackError } from "./slack-errors.ts";

export type SendOnceResult =
  | { kind: "sent"; outcome: OutboxOutcome; now: boolean }
  | { kind: "refused"; err: unknown }
  | { kind: "unknown"; since: Date; first: boolean }
  | { kind: "busy" };

export async function sendOnce(
  key: OutboxKey,
  what: string,
  call: () => Promise<OutboxOutcome>,
): Promise<SendOnceResult> {
  const turn = await appendToOutbox(key, what, new Date());
  if (turn.kind === "sent") return { kind: "sent", outcome: turn.outcome, now: false };
  if (turn.kind !== "send") return turn;
  let outcome: OutboxOutcome;
  try {
    outcome = await call();
  } catch (err) {
    const { answered, code } = classifySlackError(err);
    if (answered) {
      await recordNotSent(key, turn.attempt, code, new Date());
      return { kind: "refused", err };
    }
    // No answer: it may have gone out. Settled as unknown now rather than risk a second copy.
    await markUnknown(key, turn.attempt, new Date());
    return { kind: "unknown", since: new Date(), first: true };
  }
  await recordSent(key, turn.attempt, outcome, new Date());
  return { kind: "sent", outcome, now: true };
}

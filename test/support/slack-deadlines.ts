/**
 * Slack's time limits as the stand-ins enforce them: an ack within 3 s of the request, a trigger_id
 * used within 3 s of the click. They are real limits, so a test fails when the app misses one — but the
 * tests share a small machine with other work, so each limit stretches by how oversubscribed the CPU is
 * (one-minute load average per core, never below 1): on an idle machine the limit is Slack's own, and a
 * busy machine does not turn a slow test into a false failure. Tests that show what happens after a
 * limit lapses move the stand-in's clock instead of waiting (SlackLedger.advance).
 */
import { availableParallelism, loadavg } from "node:os";

export const ACK_LIMIT_MS = 3000;
export const TRIGGER_LIFETIME_MS = 3000;

/** How much slower than an idle machine this one is now (≥ 1). */
export function machineLoadFactor(): number {
  return Math.max(1, loadavg()[0]! / availableParallelism());
}

/** A Slack time limit in ms as enforced here: `ms` on an idle machine, stretched by the load factor. */
export function slackDeadline(ms: number): number {
  return Math.round(ms * machineLoadFactor());
}

/**
 * The outbox for scheduled Slack output that must happen once (a digest post, its chart uploads, a
 * reminder). Each piece is an item with a deterministic key (team, job, period, item); its attempts are a
 * fixed-`_id` series (series.ts). Before the Slack call the next attempt is inserted as `sending` —
 * exactly one writer wins it — and after the call its writer records `sent` with Slack's answer (ts, file
 * ids) or `failed`. A retried run therefore skips what was sent (reusing the recorded answer) and sends
 * what failed or never started.
 *
 * The window: Slack accepted the call but the outcome was never recorded (the process died, or the
 * database went away, right after the call; or Slack's answer never arrived). A later run finds the
 * attempt still `sending` and cannot know whether it went out. It does NOT send again — a duplicate in
 * the exec channel is the failure this exists to prevent — but marks it `unknown` and reports it once
 * (the caller tells the admins what may be missing). Only the run holding the job's lease reads or
 * writes a run's items, so a `sending` attempt found by it belongs to an owner that has stopped.
 */
import {
  type OutboxAttemptDoc,
  OutboxAttemptModel,
  type OutboxOutcomeDoc,
} from "../db/models/outbox-attempt.ts";
import { idPrefixBelow, idPrefixRange } from "./id-range.ts";
import { commitStep, seriesId, stepsAfter } from "./series.ts";

export type OutboxOutcome = OutboxOutcomeDoc;

export interface OutboxKey {
  teamId: string;
  job: string;
  /** The run's period (`YYYY-MM-DD`, `YYYY-Www`): a new period is new output. */
  periodKey: string;
  /** Unique within the run: "digest", "digest-charts", a reminder's key. */
  item: string;
}

/** What the caller does next with an item. */
export type OutboxTurn =
  /** Recorded as attempt `attempt`, `sending`: make the Slack call, then record its outcome. */
  | { kind: "send"; attempt: number }
  /** Sent before: use the recorded answer, do not send. */
  | { kind: "sent"; outcome: OutboxOutcome }
  /** An earlier attempt's outcome was never recorded; `first`: this call found it (report it once). */
  | { kind: "unknown"; since: Date; what: string; first: boolean }
  /** Another writer claimed this attempt at the same moment (never under one job lease): not now. */
  | { kind: "busy" };

const ATTEMPT_DIGITS = 3;
const itemPrefix = (k: OutboxKey) => `${k.teamId}|${k.job}|${k.periodKey}|${k.item}`;
const attemptId = (k: OutboxKey, attempt: number) => seriesId(itemPrefix(k), attempt, ATTEMPT_DIGITS);

/** Appends the item to the outbox (its next attempt), or says why it must not be sent now. */
export async function appendToOutbox(key: OutboxKey, what: string, now: Date): Promise<OutboxTurn> {
  const attempts = await stepsAfter<OutboxAttemptDoc>(OutboxAttemptModel, (n) => attemptId(key, n), 0);
  const last = attempts.at(-1)?.step;
  if (last?.status === "sent") return { kind: "sent", outcome: last.outcome ?? { channel: "" } };
  if (last?.status === "sending" || last?.status === "unknown") {
    const flipped =
      last.status === "sending" &&
      (
        await OutboxAttemptModel.collection.updateOne({ _id: last._id, status: "sending" } as never, {
          $set: { status: "unknown", finishedAt: now },
        })
      ).modifiedCount === 1;
    return { kind: "unknown", since: new Date(last.startedAt), what: last.what, first: flipped };
  }
  const attempt = (last?.attempt ?? 0) + 1;
  const won = await commitStep(OutboxAttemptModel, {
    _id: attemptId(key, attempt),
    ...key,
    attempt,
    status: "sending",
    what,
    startedAt: now,
  } satisfies OutboxAttemptDoc);
  return won ? { kind: "send", attempt } : { kind: "busy" };
}

/**
 * Records what Slack answered. Also over `unknown`: an owner that stalled past its lease and then got
 * its answer records the truth the next run could not know.
 */
export async function recordSent(
  key: OutboxKey,
  attempt: number,
  outcome: OutboxOutcome,
  now: Date,
): Promise<void> {
  await OutboxAttemptModel.collection.updateOne(
    { _id: attemptId(key, attempt), status: { $in: ["sending", "unknown"] } } as never,
    { $set: { status: "sent", outcome, finishedAt: now } },
  );
}

/** Records that Slack refused the call (it was not sent): a later run sends it again. */
export async function recordNotSent(
  key: OutboxKey,
  attempt: number,
  error: string,
  now: Date,
): Promise<void> {
  await OutboxAttemptModel.collection.updateOne(
    { _id: attemptId(key, attempt), status: "sending" } as never,
    { $set: { status: "failed", error, finishedAt: now } },
  );
}

/** Settles an attempt whose call got no answer as `unknown` at once (it is not sent again). */
export async function markUnknown(key: OutboxKey, attempt: number, now: Date): Promise<void> {
  await OutboxAttemptModel.collection.updateOne(
    { _id: attemptId(key, attempt), status: "sending" } as never,
    { $set: { status: "unknown", finishedAt: now } },
  );
}

/** Every attempt of a run's items, in `_id` order (operations, tests): one `_id` prefix range. */
export async function outboxOfRun(
  teamId: string,
  job: string,
  periodKey: string,
): Promise<OutboxAttemptDoc[]> {
  return (await OutboxAttemptModel.collection
    .find(idPrefixRange(`${teamId}|${job}|${periodKey}|`) as never)
    .sort({ _id: 1 })
    .toArray()) as unknown as OutboxAttemptDoc[];
}

/** Drops one team's items of `job` for periods before `belowPeriodKey`: an `_id` range, idempotent. */
export async function pruneOutbox(teamId: string, job: string, belowPeriodKey: string): Promise<number> {
  const res = await OutboxAttemptModel.collection.deleteMany(
    idPrefixBelow(`${teamId}|${job}|`, belowPeriodKey) as never,
  );
  return res.deletedCount ?? 0;
}

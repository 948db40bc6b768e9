/**
 * Exactly-once handling of Events API deliveries, which Slack retries (same `event_id`, header
 * `X-Slack-Retry-Num`) when an ack did not reach it in 3 s or was not a 2xx: the first delivery claims
 * the event by one unique insert; a retry, or a second replica seeing the same delivery, finds it claimed.
 * Claims outlive Slack's retries (the last comes about five minutes after the first) by a day at least,
 * then `pruneEventClaims` deletes them by `_id` range: the `_id` starts with the event's day.
 */

import { SlackEventClaimModel } from "../db/models/slack-event-claim.ts";
import { isDuplicateKeyError } from "./unique-insert.ts";

export interface EventDelivery {
  teamId: string;
  eventId: string;
  /** The event's `event_time` (Slack sends the same on each retry). */
  eventTime: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function eventClaimId(d: EventDelivery): string {
  return `${day(d.eventTime)}|${d.teamId}|${d.eventId}`;
}

/** True when this call claimed the event (handle it); false when it was claimed before (a retry). */
export async function claimEvent(d: EventDelivery, now: Date): Promise<boolean> {
  try {
    await SlackEventClaimModel.collection.insertOne({
      _id: eventClaimId(d),
      teamId: d.teamId,
      eventId: d.eventId,
      claimedAt: now,
    } as never);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Gives the event back when handling it failed, so a retry of it can do the work. */
export async function releaseEvent(d: EventDelivery): Promise<void> {
  await SlackEventClaimModel.collection.deleteOne({ _id: eventClaimId(d) } as never);
}

/**
 * Deletes the claims of events from before yesterday (UTC): what is left covers at least the last 24
 * hours. One `_id` range for every team; the number of claims deleted.
 */
export async function pruneEventClaims(now: Date): Promise<number> {
  const keepFrom = day(new Date(now.getTime() - DAY_MS));
  const res = await SlackEventClaimModel.collection.deleteMany({ _id: { $lt: `${keepFrom}|` } } as never);
  return res.deletedCount;
}

/**
 * The one way an event listener does its work: after the ack (Bolt acknowledges Events API deliveries
 * before any listener runs), as post-ack work, and once per `event_id` — Slack retries a delivery whose
 * ack it did not get in time, and a retry of an event already taken on is logged and dropped. Work that
 * fails gives its claim back (a later retry may do it) and is logged once with a ref.
 */
import type { Logger } from "../../src/logger.ts";
import { logFailure } from "../../src/logger.ts";
import { claimEvent, type EventDelivery, releaseEvent } from "../../src/store/event-claims.ts";
import type { AppDeps } from "../deps.ts";

/** The delivery's identity, or undefined for a body without an `event_id` (not from the Events API). */
export function deliveryOf(body: unknown, teamId: string, now: Date): EventDelivery | undefined {
  const b = body as { event_id?: unknown; event_time?: unknown };
  if (typeof b.event_id !== "string" || !b.event_id || !teamId) return undefined;
  const eventTime = typeof b.event_time === "number" ? new Date(b.event_time * 1000) : now;
  return { teamId, eventId: b.event_id, eventTime: Number.isNaN(eventTime.getTime()) ? now : eventTime };
}

export interface EventWork {
  body: unknown;
  teamId: string;
  /** Bolt's `context.retryNum` (from `X-Slack-Retry-Num`, or the envelope's `retry_attempt`). */
  retryNum?: number;
  log: Logger;
  /** What the log says when the work fails. */
  failure: string;
  work: () => Promise<void>;
}

export function handleEventOnce(deps: AppDeps, e: EventWork): Promise<void> {
  return deps.inFlight.schedule(async () => {
    const now = deps.clock.now();
    const delivery = deliveryOf(e.body, e.teamId, now);
    if (delivery) {
      let claimed: boolean;
      try {
        claimed = await claimEvent(delivery, now);
      } catch (err) {
        // Without the database the work would fail anyway; Slack does not retry an acknowledged event.
        logFailure(e.log, err, `${e.failure}: the event could not be claimed`, { eventId: delivery.eventId });
        return;
      }
      if (!claimed) {
        e.log.info({ eventId: delivery.eventId, retryNum: e.retryNum }, "event already handled (a retry)");
        return;
      }
    }
    try {
      await e.work();
    } catch (err) {
      logFailure(e.log, err, e.failure, { eventId: delivery?.eventId });
      if (delivery)
        await releaseEvent(delivery).catch((again) =>
          logFailure(e.log, again, "the failed event's claim could not be given back", {
            eventId: delivery.eventId,
          }),
        );
    }
  });
}

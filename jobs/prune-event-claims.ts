/**
 * The scheduled clean-up of Events API claims (src/store/event-claims.ts): every hour each replica
 * deletes the claims older than a day — one `_id` range, harmless when two replicas do it at once.
 */
import cron from "node-cron";
import type { Clock } from "../src/clock.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import { pruneEventClaims } from "../src/store/event-claims.ts";

export const PRUNE_EVENT_CLAIMS_CRON = "41 * * * *";

export function startEventClaimPruning(
  clock: Clock,
  logger: Logger,
  expression = PRUNE_EVENT_CLAIMS_CRON,
): { stop(): void } {
  const log = logger.child({ job: "prune-event-claims" });
  const task = cron.schedule(
    expression,
    async () => {
      try {
        const deleted = await pruneEventClaims(clock.now());
        if (deleted) log.info({ deleted }, "event claims older than a day deleted");
      } catch (err) {
        logFailure(log, err, "event claims not pruned (the next hour tries again)", {}, "warn");
      }
    },
    { name: "prune-event-claims", noOverlap: true },
  );
  task.unref();
  return { stop: () => void task.destroy() };
}

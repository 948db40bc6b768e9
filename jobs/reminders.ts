/**
 * The daily reminders job: what the rules say (src/schedule/reminder-rules.ts for phases,
 * src/decisions/action-reminders.ts for open action items), sent by DM or to the S&OP channel. Each reminder's key is claimed before sending, so a retried run, or a second run the
 * same day, never sends it twice; a failed send gives the key back for the retry.
 */
import type { WebClient } from "@slack/web-api";
import { asClients, type SlackClients } from "../commands/oauth/team-clients.ts";
import { nearbyCycles } from "../src/cycle/nearby-cycles.ts";
import { actionRemindersFor } from "../src/decisions/action-reminders.ts";
import { logFailure } from "../src/logger.ts";
import type { JobContext, JobDefinition } from "../src/schedule/job.ts";
import { type Reminder, remindersFor } from "../src/schedule/reminder-rules.ts";
import { openActionItems } from "../src/store/decision-items.ts";
import { claimReminder, pruneReminders, releaseReminder } from "../src/store/reminders.ts";
import { actionReminderMessage } from "../views/item-log.ts";
import { reminderMessage } from "../views/reminder.ts";
import { JobOutput } from "./slack-output.ts";

const KEEP_MS = 40 * 86_400_000;

export async function sendReminders(client: WebClient, ctx: JobContext): Promise<Record<string, number>> {
  const { config: cfg, now } = ctx;
  const cycles = await nearbyCycles(ctx.teamId, cfg, now);
  const reminders = remindersFor(cycles, cfg, now);
  const out = new JobOutput(client, ctx);
  const counts: Record<string, number> = { sent: 0, alreadySent: 0, failed: 0 };
  for (const r of reminders) {
    if (ctx.signal.aborted) break;
    if (!(await claimReminder(ctx.teamId, r.key, now))) {
      counts.alreadySent! += 1;
      continue;
    }
    const ok = await send(out, r, cfg.timezone, cfg.channels.sop);
    if (ok) {
      counts.sent! += 1;
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    } else {
      counts.failed! += 1;
      await releaseReminder(r.key).catch((err) =>
        logFailure(ctx.log, err, "a failed reminder's claim not given back: it is not retried today", {
          key: r.key,
        }),
      );
    }
  }
  // Open action items: the owner the day before and on the due day, then daily while overdue, and
  // the process lead once a day about each overdue one — claimed under the same once-a-day keys.
  for (const r of actionRemindersFor(await openActionItems(ctx.teamId), cfg, now)) {
    if (ctx.signal.aborted) break;
    if (!(await claimReminder(ctx.teamId, r.key, now))) {
      counts.alreadySent! += 1;
      continue;
    }
    if (await out.dm(r.to, actionReminderMessage(r), `${r.kind} ${r.item.id}`)) {
      counts.sent! += 1;
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    } else {
      counts.failed! += 1;
      await releaseReminder(r.key).catch((err) =>
        logFailure(ctx.log, err, "a failed reminder's claim not given back: it is not retried today", {
          key: r.key,
        }),
      );
    }
  }
  await pruneReminders(ctx.teamId, new Date(now.getTime() - KEEP_MS)).catch((err) =>
    logFailure(ctx.log, err, "old reminder claims not pruned (the next run tries again)", {}, "warn"),
  );
  ctx.log.info({ ...counts, cycles: cycles.map((c) => c.period) }, "reminders sent");
  return counts;
}

async function send(out: JobOutput, r: Reminder, timezone: string, sopChannel: string): Promise<boolean> {
  const message = reminderMessage(r, { timezone, sopChannel });
  const what = `${r.kind} ${r.period}/${r.phase}`;
  if (r.via === "channel") return (await out.postToChannel("sop", message, what)) !== null;
  return (await out.dm(r.to, message, what)) !== null;
}

export function remindersJob(clientOrClients: WebClient | SlackClients): JobDefinition {
  const clients = asClients(clientOrClients);
  return {
    name: "reminders",
    period: "day",
    cron: (cfg) => cfg.schedules.reminders,
    run: async (ctx) => sendReminders(await clients.forTeam(ctx.teamId), ctx),
  };
}

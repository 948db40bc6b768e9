/**
 * The daily reminders job: what the rules say (src/schedule/reminder-rules.ts for phases,
 * src/decisions/action-reminders.ts for open action items), sent by DM or to the S&OP channel. Each
 * reminder is an outbox item of its local day (jobs/slack-output.ts), so a retried run, or a second run
 * the same day, never sends it twice, and a send Slack refused is sent by the retry.
 */
import type { WebClient } from "@slack/web-api";
import { asClients, type SlackClients } from "../commands/oauth/team-clients.ts";
import { nearbyCycles } from "../src/cycle/nearby-cycles.ts";
import { actionRemindersFor } from "../src/decisions/action-reminders.ts";
import type { JobContext, JobDefinition } from "../src/schedule/job.ts";
import { localDateKey } from "../src/schedule/local-time.ts";
import { type Reminder, remindersFor } from "../src/schedule/reminder-rules.ts";
import { openActionItems } from "../src/store/decision-items.ts";
import { actionReminderMessage } from "../views/item-log.ts";
import { reminderMessage } from "../views/reminder.ts";
import { JobOutput } from "./slack-output.ts";

export async function sendReminders(client: WebClient, ctx: JobContext): Promise<Record<string, number>> {
  const { config: cfg, now } = ctx;
  const cycles = await nearbyCycles(ctx.teamId, cfg, now);
  const reminders = remindersFor(cycles, cfg, now);
  // Keyed by the reminders' own day (not the run's period, which a catch-up past midnight may differ from).
  const out = new JobOutput(client, { ...ctx, periodKey: localDateKey(now, cfg.timezone) });
  const counts: Record<string, number> = {};
  for (const r of reminders) {
    if (ctx.signal.aborted) break;
    const before = out.tally.sent;
    await send(out, r, cfg.timezone, cfg.channels.sop);
    if (out.tally.sent > before) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  }
  // Open action items: the owner the day before and on the due day, then daily while overdue, and
  // the process lead once a day about each overdue one — outbox items of the same day.
  for (const r of actionRemindersFor(await openActionItems(ctx.teamId), cfg, now)) {
    if (ctx.signal.aborted) break;
    const before = out.tally.sent;
    await out.dm(r.to, actionReminderMessage(r), {
      what: `${r.kind} ${r.item.id}`,
      item: `action|${r.item.id}|${r.kind}|${r.to}`,
    });
    if (out.tally.sent > before) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  }
  const { sent, sentBefore: alreadySent, failed, unknown } = out.tally;
  const summary = { sent, alreadySent, failed, ...(unknown ? { unknown } : {}), ...counts };
  ctx.log.info({ ...summary, cycles: cycles.map((c) => c.period) }, "reminders sent");
  return summary;
}

async function send(out: JobOutput, r: Reminder, timezone: string, sopChannel: string): Promise<void> {
  const message = reminderMessage(r, { timezone, sopChannel });
  const what = { what: `${r.kind} ${r.period}/${r.phase}`, item: `${r.period}|${r.phase}|${r.kind}|${r.to}` };
  if (r.via === "channel") await out.postToChannel("sop", message, what);
  else await out.dm(r.to, message, what);
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

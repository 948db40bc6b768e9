/**
 * Scheduled jobs against the Slack stand-in through the app's own Web API client: 429 with Retry-After,
 * channel_not_found / not_in_channel (one log line, admins DMed, the run record says what failed),
 * and the reminders job end to end, sent once per phase and day.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { remindersJob } from "../../jobs/reminders.ts";
import { watchRateLimits } from "../../jobs/slack-errors.ts";
import { JobOutput } from "../../jobs/slack-output.ts";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { JobRunClaimModel } from "../../src/db/models/job-run-claim.ts";
import type { Logger } from "../../src/logger.ts";
import type { JobFailure } from "../../src/schedule/job.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { TeamConfigSchema } from "../../src/team/team-config.ts";
import { useHarness } from "../support/harness.ts";
import { saveTeam, teamConfig } from "./fixtures.ts";
import { capturingLogger } from "./logs.ts";

const cfg = TeamConfigSchema.parse(teamConfig("T0SIM"));

describe("scheduled jobs and Slack failures", () => {
  const h = useHarness("jobslack");
  beforeEach(() => {
    h().standIn.reset();
    h().standIn.notInChannel.clear();
  });

  function output(logger: Logger, periodKey: string) {
    const failures: JobFailure[] = [];
    const out = new JobOutput(h().app.app.client, {
      teamId: "T0SIM",
      job: "digest",
      periodKey,
      config: cfg,
      log: logger,
      recordFailure: (f) => failures.push(f),
    });
    return { out, failures };
  }

  it("waits for Retry-After on HTTP 429, retries, and logs it", async () => {
    const { logger, lines } = capturingLogger();
    const unwatch = watchRateLimits(h().app.app.client, logger);
    try {
      const { out, failures } = output(logger, "2027-W01");
      h().standIn.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
      const started = Date.now();
      const posted = await out.postToChannel(
        "exec",
        { text: "KPI digest" },
        { what: "digest", item: "digest" },
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(posted?.channel).toBe("C0EXEC");
      const calls = h().standIn.callsOf("chat.postMessage");
      expect(calls.map((c) => c.status)).toEqual([429, 200]);
      expect(h().standIn.messagesIn("C0EXEC")).toHaveLength(1);
      expect(failures).toEqual([]);
      const warned = lines.filter((l) => String(l.msg).includes("HTTP 429"));
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ level: 40, method: "chat.postMessage", retryAfterSec: 1 });
    } finally {
      unwatch();
    }
  });

  it("channel_not_found: one log line, each admin DMed once, recorded as not retryable, the channel not tried again", async () => {
    const { logger, lines } = capturingLogger();
    const { out, failures } = output(logger, "2027-W02");
    h().standIn.failNext("chat.postMessage", { error: "channel_not_found" });
    const digest = { what: "digest", item: "digest" };
    expect(await out.postToChannel("exec", { text: "digest" }, digest)).toBeNull();
    expect(await out.postToChannel("exec", { text: "digest again" }, digest)).toBeNull();
    expect(
      await out.uploadToChannel("exec", [{ filename: "a.png", title: "a", data: Buffer.from("x") }], {
        what: "charts",
        item: "charts",
      }),
    ).toBeNull();
    // One attempt at the channel, one DM to the one admin.
    const posts = h().standIn.callsOf("chat.postMessage");
    expect(posts.map((c) => c.args.channel)).toEqual(["C0EXEC", "U0LEAD"]);
    const dm = h().standIn.messagesIn("DU0LEAD");
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(dm[0]!.blocks)).toContain("channels.exec");
    expect(failures).toEqual([
      expect.objectContaining({
        code: "channel_not_found",
        retryable: false,
        what: "chat.postMessage (digest) to the exec channel C0EXEC",
      }),
    ]);
    const errors = lines.filter((l) => (l.level as number) >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/cannot post to the exec channel C0EXEC: channel_not_found/);
  });

  it("reminders: DMs and escalations once per phase and day; a not_in_channel S&OP channel fails the run without a crash loop", async () => {
    await JobRunModel.deleteMany({});
    await JobRunClaimModel.deleteMany({});
    await saveTeam("T0SIM");
    await startCycle({
      teamId: "T0SIM",
      period: "2027-01",
      by: "U0LEAD",
      at: new Date("2027-01-01T08:00:00Z"),
    });
    h().standIn.notInChannel.add("C0SOP");
    const { logger, lines } = capturingLogger();
    // Tuesday 5 Jan 2027, 09:00 Berlin: the data phase (due the 3rd) is 2 days overdue.
    const clock = new ManualClock(new Date("2027-01-05T08:00:05Z"));
    const scheduler = new Scheduler({ jobs: [remindersJob(h().app.app.client)], clock, logger });
    await scheduler.refresh();
    const outcome = await scheduler.runDue("T0SIM", "reminders", clock.now());
    expect(outcome).toMatchObject({ ran: true, status: "failed" });

    const run = await findRun({ teamId: "T0SIM", job: "reminders", periodKey: "2027-01-05" });
    expect(run).toMatchObject({
      status: "failed",
      retryable: false,
      summary: { sent: 2, failed: 1, overdue: 1, escalation: 1 },
      failures: [
        {
          code: "not_in_channel",
          what: "chat.postMessage (escalation 2027-01/data) to the S&OP channel C0SOP",
          retryable: false,
        },
      ],
    });
    expect(
      h()
        .standIn.messagesIn("DU0ANALYST")
        .map((m) => m.text),
    ).toEqual(["Overdue: Data gathering & statistical forecast (2027-01) was due Sun 3 Jan."]);
    const leadDms = h()
      .standIn.messagesIn("DU0LEAD")
      .map((m) => m.text);
    expect(leadDms).toHaveLength(2); // the escalation and the channel alert
    expect(leadDms.some((t) => t?.startsWith("Escalation: Data gathering"))).toBe(true);
    expect(leadDms.some((t) => t?.includes("could not post to the S&OP channel C0SOP: not_in_channel"))).toBe(
      true,
    );
    expect(lines.filter((l) => String(l.msg).startsWith("cannot post to"))).toHaveLength(1);

    // Later ticks the same day: not retried (configuration problem), nothing re-sent.
    const before = h().standIn.calls.length;
    for (const m of [10, 30, 60]) {
      clock.set(new Date(Date.parse("2027-01-05T08:00:00Z") + m * 60_000));
      await scheduler.runDueJobs(clock.now());
    }
    expect(h().standIn.calls.length).toBe(before);

    // The bot is invited; the next day everything goes out once, including the channel escalation.
    h().standIn.notInChannel.clear();
    clock.set("2027-01-06T08:00:05Z");
    expect(await scheduler.runDue("T0SIM", "reminders", clock.now())).toMatchObject({
      ran: true,
      status: "done",
    });
    expect(
      h()
        .standIn.messagesIn("C0SOP")
        .map((m) => m.text),
    ).toEqual(["Escalation: Data gathering & statistical forecast (2027-01) is 3 days overdue."]);
    // A second run of the same day (its run record lost): the per-reminder keys stop every duplicate.
    await JobRunModel.deleteOne({ _id: "T0SIM|reminders|2027-01-06" });
    const replica = new Scheduler({ jobs: [remindersJob(h().app.app.client)], clock, logger });
    await replica.refresh();
    const again = await replica.runDue("T0SIM", "reminders", clock.now());
    expect(again).toMatchObject({ ran: true, status: "done" });
    expect(
      (await findRun({ teamId: "T0SIM", job: "reminders", periodKey: "2027-01-06" }))?.summary,
    ).toMatchObject({
      sent: 0,
      alreadySent: 3,
    });
    expect(h().standIn.messagesIn("C0SOP")).toHaveLength(1);
  });
});

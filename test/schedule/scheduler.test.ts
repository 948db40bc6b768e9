import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { JobRunClaimModel } from "../../src/db/models/job-run-claim.ts";
import { createLogger } from "../../src/logger.ts";
import { type JobDefinition, JobFailedError } from "../../src/schedule/job.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { deleteTeamConfig } from "../../src/store/team-config.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { clearTeamConfigs, type EffectDoc, effects, recordingJobs, saveTeam } from "./fixtures.ts";

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const MIN = 60_000;

function scheduler(
  clock: ManualClock,
  jobs: JobDefinition[],
  extra: Partial<ConstructorParameters<typeof Scheduler>[0]> = {},
) {
  return new Scheduler({ jobs, clock, logger, leaseMs: 2 * MIN, retryDelayMs: 10 * MIN, ...extra });
}

describe("scheduler in one process", () => {
  beforeAll(async () => {
    await connectTestDatabase("sched");
  });
  afterAll(async () => {
    await dropTestDatabase();
  });
  beforeEach(async () => {
    await JobRunModel.deleteMany({});
    await JobRunClaimModel.deleteMany({});
    await clearTeamConfigs();
    await effects().deleteMany({});
  });

  it("runs each due job once per team and period, however many instances tick", async () => {
    await saveTeam("T0AAA");
    await saveTeam("T0BBB", { timezone: "America/New_York" });
    const clock = new ManualClock(new Date("2027-01-04T00:00:00Z"));
    const instances = ["a", "b", "c"].map((o) => scheduler(clock, recordingJobs(o), { owner: o }));
    for (const s of instances) await s.refresh();
    // Monday 4 Jan 2027 through Sunday 10 Jan, a tick every 20 minutes on every instance.
    for (let t = clock.now().getTime(); t < Date.parse("2027-01-11T00:00:00Z"); t += 20 * MIN) {
      await Promise.all(instances.map((s) => s.runDueJobs(new Date(t))));
    }
    const ends = (await effects().find({ phase: "end" }).toArray()) as unknown as EffectDoc[];
    const count = (team: string, job: string) =>
      ends.filter((e) => e.teamId === team && e.job === job).length;
    // Daily jobs: 7 days each (New York's Monday fires are inside the window too).
    expect(count("T0AAA", "kpi")).toBe(7);
    expect(count("T0AAA", "reminders")).toBe(7);
    expect(count("T0AAA", "digest")).toBe(1);
    expect(count("T0BBB", "kpi")).toBe(7);
    expect(count("T0BBB", "digest")).toBe(1);
    const keys = ends.map((e) => `${e.teamId}|${e.job}|${e.periodKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Work was shared: more than one instance ran something.
    expect(new Set(ends.map((e) => (e as unknown as { owner: string }).owner)).size).toBeGreaterThan(1);
    const run = await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" });
    expect(run).toMatchObject({ status: "done", attempt: 1, summary: { ok: true } });
    expect(run?.scheduledFor.toISOString()).toBe("2027-01-04T07:00:00.000Z"); // Monday 08:00 Berlin
  });

  it("runs a team's jobs in order when one tick finds several due (the KPI job before the digest)", async () => {
    await saveTeam("T0AAA");
    const s = scheduler(new ManualClock(new Date()), recordingJobs("a", { workMs: 50 }), { owner: "a" });
    await s.refresh();
    // Monday 09:00:30 Berlin, after an outage: kpi (06:00), digest (08:00) and reminders (09:00) are all due.
    const outcomes = await s.runDueJobs(new Date("2027-01-04T08:00:30Z"));
    expect(outcomes.map((o) => [o.job, o.ran])).toEqual([
      ["kpi", true],
      ["digest", true],
      ["reminders", true],
    ]);
    const order = (await effects().find({}).toArray())
      .sort((a, b) => (a.seq as number) - (b.seq as number))
      .map((e) => `${e.job}:${e.phase}`);
    expect(order).toEqual([
      "kpi:start",
      "kpi:end",
      "digest:start",
      "digest:end",
      "reminders:start",
      "reminders:end",
    ]);
  });

  it("takes over a run whose owner crashed once the lease has passed, never before", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-04T07:00:30Z"));
    const s = scheduler(clock, recordingJobs("b"), { owner: "b" });
    await s.refresh();
    // A replica that died while running Monday's digest.
    await JobRunModel.create({
      _id: "T0AAA|digest|2027-W01",
      teamId: "T0AAA",
      job: "digest",
      periodKey: "2027-W01",
      scheduledFor: new Date("2027-01-04T07:00:00Z"),
      status: "running",
      attempt: 1,
      owner: "dead",
      leaseUntil: new Date("2027-01-04T07:02:00Z"),
      startedAt: new Date("2027-01-04T07:00:00Z"),
      attempts: [{ attempt: 1, owner: "dead", startedAt: new Date("2027-01-04T07:00:00Z"), via: "claim" }],
    });
    const before = await s.runDue("T0AAA", "digest", new Date("2027-01-04T07:01:59Z"));
    expect(before).toMatchObject({ ran: false, reason: "running" });
    const after = await s.runDue("T0AAA", "digest", new Date("2027-01-04T07:02:01Z"));
    expect(after).toMatchObject({ ran: true, status: "done", attempt: 2 });
    const run = await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" });
    expect(run).toMatchObject({ status: "done", attempt: 2, owner: "b" });
    expect(run?.attempts.map((a) => a.via)).toEqual(["claim", "takeover"]);
    // Finished: never again, even far later in the catch-up window.
    const again = await s.runDue("T0AAA", "digest", new Date("2027-01-04T09:00:00Z"));
    expect(again).toMatchObject({ ran: false, reason: "done" });
  });

  it("lets exactly one of twenty concurrent replicas take over (an insert claim, not a conditional update)", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-04T07:10:00Z"));
    for (let round = 0; round < 5; round++) {
      const periodKey = `2027-W0${round + 1}`;
      const monday = new Date(Date.parse("2027-01-04T07:00:00Z") + round * 7 * 86_400_000);
      await JobRunModel.create({
        _id: `T0AAA|digest|${periodKey}`,
        teamId: "T0AAA",
        job: "digest",
        periodKey,
        scheduledFor: monday,
        status: "running",
        attempt: 1,
        owner: "dead",
        leaseUntil: new Date(monday.getTime() + 60_000),
        startedAt: monday,
        attempts: [],
      });
      const replicas = Array.from({ length: 20 }, (_, i) =>
        scheduler(clock, recordingJobs(`r${i}`), { owner: `r${i}` }),
      );
      await Promise.all(replicas.map((r) => r.refresh()));
      const at = new Date(monday.getTime() + 10 * MIN);
      const outcomes = await Promise.all(replicas.map((r) => r.runDue("T0AAA", "digest", at)));
      expect(outcomes.filter((o) => o?.ran)).toHaveLength(1);
      expect(await effects().countDocuments({ periodKey, phase: "end" })).toBe(1);
    }
  });

  it("abandons a run that crashed on every attempt", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-04T07:00:00Z"));
    const s = scheduler(clock, recordingJobs("b"), { owner: "b", maxAttempts: 2 });
    await s.refresh();
    await JobRunModel.create({
      _id: "T0AAA|digest|2027-W01",
      teamId: "T0AAA",
      job: "digest",
      periodKey: "2027-W01",
      scheduledFor: new Date("2027-01-04T07:00:00Z"),
      status: "running",
      attempt: 2,
      owner: "dead",
      leaseUntil: new Date("2027-01-04T07:05:00Z"),
      startedAt: new Date("2027-01-04T07:03:00Z"),
      attempts: [],
    });
    const r = await s.runDue("T0AAA", "digest", new Date("2027-01-04T07:10:00Z"));
    expect(r).toMatchObject({ ran: false, reason: "failed" });
    const run = await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" });
    expect(run).toMatchObject({ status: "failed", retryable: false });
    expect(run?.error).toMatch(/abandoned/);
  });

  it("records failures; retries a retryable one after the delay, never a permanent one", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-04T08:00:00Z"));
    let calls = 0;
    const flaky: JobDefinition = {
      name: "reminders",
      period: "day",
      cron: (c) => c.schedules.reminders,
      run: async (ctx) => {
        calls++;
        if (ctx.attempt === 1) throw new Error("database blip");
        ctx.recordFailure({ what: "DM to U0GONE", code: "user_not_found", retryable: false });
        return { dms: 3 };
      },
    };
    const s = scheduler(clock, [flaky], { owner: "a" });
    await s.refresh();
    const first = await s.runDue("T0AAA", "reminders", new Date("2027-01-04T08:00:05Z")); // 09:00:05 Berlin
    expect(first).toMatchObject({ ran: true, status: "failed", attempt: 1 });
    let run = await findRun({ teamId: "T0AAA", job: "reminders", periodKey: "2027-01-04" });
    expect(run).toMatchObject({ status: "failed", error: "database blip", retryable: true });
    // Not before the retry delay.
    expect(await s.runDue("T0AAA", "reminders", new Date("2027-01-04T08:05:00Z"))).toMatchObject({
      ran: false,
      reason: "retry_later",
    });
    const second = await s.runDue("T0AAA", "reminders", new Date("2027-01-04T08:15:00Z"));
    expect(second).toMatchObject({ ran: true, status: "failed", attempt: 2 });
    run = await findRun({ teamId: "T0AAA", job: "reminders", periodKey: "2027-01-04" });
    expect(run).toMatchObject({
      status: "failed",
      retryable: false,
      failures: [{ what: "DM to U0GONE", code: "user_not_found", retryable: false }],
      summary: { dms: 3 },
    });
    expect(await s.runDue("T0AAA", "reminders", new Date("2027-01-04T09:00:00Z"))).toMatchObject({
      ran: false,
      reason: "failed",
    });
    expect(calls).toBe(2);
  });

  it("stores what failed when a job gives up with JobFailedError", async () => {
    await saveTeam("T0AAA");
    const job: JobDefinition = {
      name: "digest",
      period: "week",
      cron: (c) => c.schedules.digest,
      run: async () => {
        throw new JobFailedError({
          what: "chat.postMessage to the exec channel C0EXEC",
          code: "channel_not_found",
          retryable: false,
        });
      },
    };
    const s = scheduler(new ManualClock(new Date("2027-01-04T07:00:00Z")), [job]);
    await s.refresh();
    await s.runDue("T0AAA", "digest", new Date("2027-01-04T07:00:01Z"));
    const run = await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" });
    expect(run).toMatchObject({
      status: "failed",
      retryable: false,
      failures: [{ code: "channel_not_found", what: "chat.postMessage to the exec channel C0EXEC" }],
    });
  });

  it("keeps the lease alive with heartbeats while a long job runs", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-04T07:00:00Z"));
    let release: () => void = () => {};
    const slow: JobDefinition = {
      name: "digest",
      period: "week",
      cron: (c) => c.schedules.digest,
      run: () => new Promise((r) => (release = () => r({}))),
    };
    const a = scheduler(clock, [slow], { owner: "a", leaseMs: 1000, heartbeatMs: 50 });
    const b = scheduler(clock, [slow], { owner: "b", leaseMs: 1000 });
    await a.refresh();
    await b.refresh();
    const running = a.runDue("T0AAA", "digest", clock.now());
    await new Promise((r) => setTimeout(r, 100));
    // Time moves far past the first lease; heartbeats move the lease with it.
    for (let i = 0; i < 5; i++) {
      clock.advance(900);
      await new Promise((r) => setTimeout(r, 120));
      expect(await b.runDue("T0AAA", "digest", clock.now())).toMatchObject({ ran: false, reason: "running" });
    }
    release();
    expect(await running).toMatchObject({ ran: true, status: "done", attempt: 1 });
  });

  it("reschedules a team when its configuration's revision changes, without a restart", async () => {
    await saveTeam("T0AAA");
    const clock = new ManualClock(new Date("2027-01-05T07:00:00Z"));
    const s = scheduler(clock, recordingJobs("a"), { pollMs: 100 });
    await s.start();
    try {
      expect(s.describe()).toMatchObject([{ teamId: "T0AAA", jobs: { digest: "0 8 * * 1" } }]);
      // Tuesday 08:00 Berlin: nothing due with the Monday schedule.
      expect(await s.runDue("T0AAA", "digest", clock.now())).toBeNull();
      await saveTeam("T0AAA", {
        schedules: { kpi: "0 6 * * *", digest: "0 8 * * 2", reminders: "0 9 * * *" },
      });
      // The poll picks the new revision up on its own.
      const deadline = Date.now() + 5000;
      while (s.describe()[0]?.jobs.digest !== "0 8 * * 2" && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(s.describe()[0]).toMatchObject({ revision: 2, jobs: { digest: "0 8 * * 2" } });
      // The poll also runs what is now due (Tuesday 08:00): once, whoever gets there first.
      await s.runDue("T0AAA", "digest", clock.now());
      const until = Date.now() + 5000;
      while ((await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" }))?.status !== "done") {
        if (Date.now() > until) throw new Error("the digest run did not finish");
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await effects().countDocuments({ job: "digest", phase: "end" })).toBe(1);
    } finally {
      await s.stop();
    }
  });

  it("refresh() reports which teams were added, changed (a time-zone change too) and removed", async () => {
    await saveTeam("T0AAA");
    // Not started: no poll races the explicit refreshes.
    const s = scheduler(new ManualClock(new Date("2027-01-05T07:00:00Z")), recordingJobs("a"));
    expect(await s.refresh()).toEqual({ added: ["T0AAA"], changed: [], removed: [] });
    expect(await s.refresh()).toEqual({ added: [], changed: [], removed: [] });
    await saveTeam("T0AAA", { timezone: "Asia/Tokyo" });
    expect(await s.refresh()).toEqual({ added: [], changed: ["T0AAA"], removed: [] });
    expect(s.describe()[0]?.timeZone).toBe("Asia/Tokyo");
    await deleteTeamConfig("T0AAA");
    expect(await s.refresh()).toEqual({ added: [], changed: [], removed: ["T0AAA"] });
    expect(s.describe()).toEqual([]);
    await s.stop();
  });

  it("skips fires older than the catch-up window (a team configured on a Wednesday gets no digest until Monday)", async () => {
    await saveTeam("T0AAA");
    const s = scheduler(new ManualClock(new Date()), recordingJobs("a"));
    await s.refresh();
    expect(await s.runDue("T0AAA", "digest", new Date("2027-01-06T10:00:00Z"))).toBeNull();
    // Missed by 5 hours (every replica was down at 08:00): caught up.
    expect(await s.runDue("T0AAA", "digest", new Date("2027-01-04T12:00:00Z"))).toMatchObject({ ran: true });
  });

  it("drives real node-cron tasks: a per-second schedule fires the job once for the day", async () => {
    await saveTeam("T0AAA", {
      schedules: { kpi: "* * * * * *", digest: "0 8 * * 1", reminders: "0 9 * * *" },
    });
    const { systemClock } = await import("../../src/clock.ts");
    const s = new Scheduler({ jobs: recordingJobs("a").slice(0, 1), clock: systemClock, logger });
    await s.start();
    try {
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      await s.stop();
    }
    const ends = await effects().find({ phase: "end", job: "kpi" }).toArray();
    expect(ends).toHaveLength(1);
  });
});

/**
 * The scheduled digest goes out once per week however its run ends, on the real app's Web API client,
 * the Slack stand-in and the database: a chart upload that fails is resumed by the retry without
 * posting the digest again; a run that died between Slack's answer and recording it is not resent, and
 * the admins are told; a run that got no answer from Slack does not send a second copy.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digestJob } from "../../jobs/digest.ts";
import { ManualClock } from "../../src/clock.ts";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { JobRunClaimModel } from "../../src/db/models/job-run-claim.ts";
import { OutboxAttemptModel } from "../../src/db/models/outbox-attempt.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { latestDigestPost } from "../../src/store/digest-posts.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { appendToOutbox, outboxOfRun } from "../../src/store/outbox.ts";
import { saveTeam } from "../schedule/fixtures.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { useHarness } from "../support/harness.ts";
import { seedActuals, seedSnapshots } from "./fixtures.ts";

const TEAM = "T0SIM";
// Monday 1 Feb 2027, 08:00 Berlin: the digest run of 2027-W05 reports on 2027-W04.
const NOW = new Date("2027-02-01T07:00:00Z");
const RUN = { teamId: TEAM, job: "digest", periodKey: "2027-W05" };
const MIN = 60_000;
const upload = { CHART_MODE: "upload" as const, QUICKCHART_URL: "https://quickchart.io" };

describe("the scheduled digest through the outbox", () => {
  const h = useHarness("digestoutbox");

  beforeAll(async () => {
    await saveTeam(TEAM);
    await seedSnapshots(TEAM, "2027-W04", 12);
    await seedActuals(TEAM, "2027-01", 12);
  });
  beforeEach(async () => {
    h().standIn.reset();
    await JobRunModel.deleteMany({});
    await JobRunClaimModel.deleteMany({});
    await OutboxAttemptModel.deleteMany({});
  });

  const digestPosts = () =>
    h()
      .standIn.messagesIn("C0EXEC")
      .filter((m) => JSON.stringify(m.blocks ?? []).includes("S&OP weekly digest"));
  const sharedCharts = () =>
    [...h().standIn.files.values()].filter((f) => f.shared && f.channel === "C0EXEC");
  const scheduler = (clock: ManualClock) =>
    new Scheduler({
      jobs: [digestJob(h().app.app.client, upload)],
      clock,
      logger: capturingLogger().logger,
      retryDelayMs: 10 * MIN,
    });

  it("a chart upload that fails is retried by the next run: one digest post, the charts shared once", async () => {
    const clock = new ManualClock(NOW);
    const s = scheduler(clock);
    await s.refresh();
    h().standIn.failNext("files.completeUploadExternal", { error: "internal_error" });
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "failed" });
    expect(await findRun(RUN)).toMatchObject({
      status: "failed",
      retryable: true,
      failures: [{ code: "internal_error", what: expect.stringContaining("files.uploadV2 (digest charts") }],
    });
    expect(digestPosts()).toHaveLength(1);
    expect(sharedCharts()).toHaveLength(0);

    // Not before the retry delay; then the retry uploads the charts and does not post again.
    clock.set(new Date(NOW.getTime() + 5 * MIN));
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: false, reason: "retry_later" });
    clock.set(new Date(NOW.getTime() + 11 * MIN));
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({
      ran: true,
      status: "done",
      attempt: 2,
    });
    expect(digestPosts()).toHaveLength(1);
    expect(sharedCharts()).toHaveLength(3);
    expect(
      h()
        .standIn.callsOf("files.completeUploadExternal")
        .filter((c) => c.ok),
    ).toHaveLength(1);
    const run = await findRun(RUN);
    expect(run).toMatchObject({ status: "done", summary: { ts: digestPosts()[0]!.ts, uploaded: 3 } });
    // The dashboard's record names the one post and the charts that were shared.
    const post = await latestDigestPost(TEAM);
    expect(post).toMatchObject({ week: "2027-W04", channel: "C0EXEC", ts: digestPosts()[0]!.ts });
    expect(post!.charts.map((c) => c.fileId).sort()).toEqual(
      sharedCharts()
        .map((f) => f.id)
        .sort(),
    );
    // What the outbox holds: the post sent once; the charts failed once, then sent.
    const items = (await outboxOfRun(TEAM, "digest", "2027-W05")).map((d) => [d.item, d.attempt, d.status]);
    expect(items.sort()).toEqual([
      ["digest", 1, "sent"],
      ["digest-charts", 1, "failed"],
      ["digest-charts", 2, "sent"],
    ]);

    // Another replica that lost the run record runs the week again: nothing is sent twice.
    await JobRunModel.deleteMany({});
    await JobRunClaimModel.deleteMany({});
    const replica = scheduler(clock);
    await replica.refresh();
    expect(await replica.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "done" });
    expect(digestPosts()).toHaveLength(1);
    expect(sharedCharts()).toHaveLength(3);
  });

  it("a post whose outcome was never recorded (the run died right after Slack answered) is not posted again; the admins are told", async () => {
    // The dead run: it recorded the post as sending, Slack posted it, the process ended before the
    // outcome was written.
    const turn = await appendToOutbox({ ...RUN, item: "digest" }, "chat.postMessage (digest 2027-W04)", NOW);
    expect(turn).toEqual({ kind: "send", attempt: 1 });
    await h().app.app.client.chat.postMessage({ channel: "C0EXEC", text: "S&OP weekly digest — 2027-W04" });

    const clock = new ManualClock(new Date(NOW.getTime() + 20 * MIN));
    const s = scheduler(clock);
    await s.refresh();
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "failed" });
    expect(
      h()
        .standIn.messagesIn("C0EXEC")
        .filter((m) => m.text?.includes("weekly digest")),
    ).toHaveLength(1);
    expect(sharedCharts()).toHaveLength(0);
    const alert = h().standIn.messagesIn("DU0LEAD");
    expect(alert).toHaveLength(1);
    expect(alert[0]!.text).toContain("may or may not have sent");
    expect(JSON.stringify(alert[0]!.blocks)).toContain("`/sop digest` posts the digest now.");
    expect(await findRun(RUN)).toMatchObject({
      status: "failed",
      failures: [{ code: "outcome_unknown", what: expect.stringContaining("digest 2027-W04") }],
    });

    // The retry does not post it either, and does not tell the admins again.
    clock.set(new Date(clock.now().getTime() + 11 * MIN));
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "done" });
    expect(
      h()
        .standIn.callsOf("chat.postMessage")
        .map((c) => c.args.channel),
    ).toEqual([
      "C0EXEC", // the dead run's post
      "U0LEAD", // the alert
    ]);
  });

  it("no answer from Slack (the connection dropped): the digest is not sent a second time", async () => {
    const clock = new ManualClock(NOW);
    const s = scheduler(clock);
    await s.refresh();
    // The client tries 4 times (retryConfig: 3 retries); none gets an answer.
    h().standIn.dropNext("chat.postMessage", 4);
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "failed" });
    clock.set(new Date(NOW.getTime() + 11 * MIN));
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "done" });
    // The dropped calls never reached Slack's handler; the retry did not try again.
    expect(
      h()
        .standIn.callsOf("chat.postMessage")
        .filter((c) => c.args.channel === "C0EXEC"),
    ).toEqual([]);
    expect((await outboxOfRun(TEAM, "digest", "2027-W05")).find((d) => d.item === "digest")).toMatchObject({
      attempt: 1,
      status: "unknown",
    });
    expect(h().standIn.messagesIn("DU0LEAD")).toHaveLength(1);
  });
});

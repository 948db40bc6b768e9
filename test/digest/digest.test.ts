/**
 * The weekly digest end to end through the app's Web API client and the Slack stand-in: Block Kit
 * checks, the three uploaded PNGs decoded, QuickChart mode with its upload fallback, and failures.
 */
import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { digestJob, postDigest } from "../../jobs/digest.ts";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { refreshDigestFacts, reportingWeek } from "../../src/digest/index.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { latestDigestPost } from "../../src/store/digest-posts.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { TeamConfigSchema } from "../../src/team/team-config.ts";
import { pixelStats, pngSize } from "../charts/png.ts";
import { approveDataPhase } from "../cycle/helpers.ts";
import { saveTeam, teamConfig } from "../schedule/fixtures.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { checkMessage } from "../support/block-kit-limits.ts";
import { useHarness } from "../support/harness.ts";
import { seedActuals, seedSnapshots } from "./fixtures.ts";

const TEAM = "T0SIM";
// Monday 1 Feb 2027, 08:00 Berlin: the digest reports on 2027-W04 (25–31 Jan).
const NOW = new Date("2027-02-01T07:00:00Z");
const upload = { CHART_MODE: "upload" as const, QUICKCHART_URL: "https://quickchart.io" };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("weekly digest", () => {
  const h = useHarness("digest");
  const { logger } = capturingLogger();

  beforeAll(async () => {
    await saveTeam(TEAM);
    await seedSnapshots(TEAM, "2027-W04", 12, "2026-W50");
    await seedActuals(TEAM, "2027-01", 40);
    // January's cycle is late (demand overdue); February's has just started.
    await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: new Date("2027-01-01T08:00:00Z") });
    await approveDataPhase(
      "family,period,quantity\nFamily 0001,2027-01,100\nFamily 0002,2027-01,50\n",
      new Date("2027-01-02T08:00:00Z"),
      new Date("2027-01-02T09:00:00Z"),
      TEAM,
    );
    await startCycle({ teamId: TEAM, period: "2027-02", by: "U0LEAD", at: new Date("2027-02-01T06:00:00Z") });
    await refreshDigestFacts(
      TEAM,
      TeamConfigSchema.parse(teamConfig(TEAM)),
      reportingWeek(NOW, "Europe/Berlin"),
      NOW,
      logger,
    );
  });
  beforeEach(() => {
    h().standIn.reset();
  });

  it("posts a digest that passes Block Kit checks: cycle, KPIs with RAG and trend, exceptions", async () => {
    const r = await postDigest(h().app.app.client, { teamId: TEAM, now: NOW, env: upload, log: logger });
    expect(r.failures).toEqual([]);
    const [msg] = h()
      .standIn.messagesIn("C0EXEC")
      .filter((m) => m.blocks);
    expect(msg).toBeDefined();
    expect(checkMessage({ text: msg!.text, blocks: msg!.blocks })).toEqual([]);
    expect(msg!.blocks!.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(msg!.blocks);
    expect(text).toContain("S&OP weekly digest — week 2027-W04 (Mon 25 Jan – Sun 31 Jan)");
    expect(text).toContain("Monday 2027-01-25 to Sunday 2027-01-31");
    // Cycle state: February just started; January's demand review is overdue.
    expect(text).toContain("*2027-02* — phase 1 of 7");
    expect(text).toMatch(/Overdue: Demand review \(\d+ days\) and 5 later phases/);
    // Every KPI with value, RAG, trend and target.
    for (const label of [
      "Forecast accuracy",
      "Forecast bias",
      "MAPE",
      "On-time delivery",
      "Service level",
      "Plan adherence",
      "Order cycle time",
      "Capacity utilization",
      "Days of supply",
    ])
      expect(text).toContain(`*${label}*`);
    expect(text).toMatch(/large_green_circle|large_yellow_circle|red_circle/);
    expect(text).toMatch(/[↑↓] [+−]\d/);
    expect(text).toContain("*94.5 %*  → unchanged\\ntarget ≥ 95 %");
    // Exceptions.
    expect(text).toContain("*Worst forecast error* (2027-01)");
    expect(text).toMatch(/\*Late orders\*: \d+ open past their promised date/);
    expect(text).toContain("*Capacity over 100 %* (2027-01)");
    // The production actuals are monthly here: the charts say which period they show.
    expect(text).toContain(
      "The plan vs actual and capacity charts are for 2027-01, the latest period with production actuals.",
    );
    expect(r.data.exceptions?.production.planSource).toEqual({ kind: "production-csv" });
  });

  it("uploads three distinct, readable PNGs to the exec channel with files.uploadV2", async () => {
    const r = await postDigest(h().app.app.client, { teamId: TEAM, now: NOW, env: upload, log: logger });
    const files = [...h().standIn.files.values()];
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.shared && f.channel === "C0EXEC")).toBe(true);
    expect(files.map((f) => f.filename).sort()).toEqual([
      "capacity-utilization.png",
      "kpi-trend.png",
      "plan-vs-actual.png",
    ]);
    expect(h().standIn.callsOf("files.completeUploadExternal")).toHaveLength(1);
    for (const f of files) {
      expect(pngSize(f.bytes)).toEqual({ width: 1600, height: 900 });
      const stats = await pixelStats(f.bytes);
      expect(stats.inkRatio).toBeGreaterThan(0.03);
      expect(stats.distinctColors).toBeGreaterThan(50);
      expect(stats.cornerWhite).toBe(1);
    }
    expect(new Set(files.map((f) => sha(f.bytes))).size).toBe(3);
    // The bytes uploaded are the bytes rendered.
    expect(files.map((f) => sha(f.bytes)).sort()).toEqual(r.pngs.map((p) => sha(p.png)).sort());
    const post = await latestDigestPost(TEAM);
    expect(post).toMatchObject({ week: "2027-W04", channel: "C0EXEC" });
    expect(post?.charts.map((c) => c.fileId).every(Boolean)).toBe(true);
  });

  it("CHART_MODE=quickchart: image blocks with QuickChart URLs, nothing uploaded", async () => {
    // A QuickChart Slack can download (the stand-in fetches every image URL, as Slack does).
    const env = { CHART_MODE: "quickchart" as const, QUICKCHART_URL: h().standIn.quickChartUrl };
    const r = await postDigest(h().app.app.client, { teamId: TEAM, now: NOW, env, log: logger });
    expect(r.images).toHaveLength(3);
    expect(h().standIn.files.size).toBe(0);
    const [msg] = h().standIn.messagesIn("C0EXEC");
    const images = (msg!.blocks as { type: string; image_url?: string }[]).filter((b) => b.type === "image");
    expect(images).toHaveLength(3);
    for (const img of images) {
      expect(img.image_url!.startsWith(`${h().standIn.quickChartUrl}/chart?`)).toBe(true);
      expect(img.image_url!.length).toBeLessThanOrEqual(3000);
    }
  });

  it("a QuickChart Slack cannot reach (self-hosted inside the network): the digest goes out with uploaded PNGs", async () => {
    const { logger: log, lines } = capturingLogger();
    const env = { CHART_MODE: "quickchart" as const, QUICKCHART_URL: "http://127.0.0.1:9/quickchart" };
    const posts = h().standIn.messagesIn("C0EXEC").length;
    const r = await postDigest(h().app.app.client, { teamId: TEAM, now: NOW, env, log });
    expect(r.failures).toEqual([]);
    expect(r.images).toEqual([]);
    expect(r.files).toHaveLength(3);
    expect(h().standIn.messagesIn("C0EXEC").length).toBe(posts + 1);
    const refused = h()
      .standIn.callsOf("chat.postMessage")
      .filter((c) => c.error === "invalid_blocks");
    expect(refused).toHaveLength(1);
    const warned = lines.filter((l) => String(l.msg).startsWith("chart images refused by Slack"));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.ref).toMatch(/^\w{6}$/);
  });

  it("falls back to uploading a chart whose QuickChart URL would exceed 3,000 characters", async () => {
    const team = "T0LONG";
    await saveTeam(team, { channels: { sop: "C0SOP", exec: "C0EXEC2" } });
    // Long non-ASCII family names: every character costs up to 9 in the URL.
    const names = Array.from({ length: 20 }, (_, i) => `製品ファミリー東京大阪名古屋福岡札幌仙台広島${i}`);
    await seedActuals(team, "2027-01", 20, { names });
    // No facts stored for this team: the digest computes them itself.
    const env = { CHART_MODE: "quickchart" as const, QUICKCHART_URL: h().standIn.quickChartUrl };
    const r = await postDigest(h().app.app.client, { teamId: team, now: NOW, env, log: logger });
    expect(r.images.map((i) => i.chartId)).toEqual(["kpi-trend"]);
    expect(r.pngs.map((p) => p.chartId).sort()).toEqual(["capacity-utilization", "plan-vs-actual"]);
    expect([...h().standIn.files.values()].map((f) => f.channel)).toEqual(["C0EXEC2", "C0EXEC2"]);
  });

  it("survives a 429 on the upload (Retry-After honoured)", async () => {
    h().standIn.failNext("files.getUploadURLExternal", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const r = await postDigest(h().app.app.client, { teamId: TEAM, now: NOW, env: upload, log: logger });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.failures).toEqual([]);
    expect(r.files).toHaveLength(3);
    expect(
      h()
        .standIn.callsOf("files.getUploadURLExternal")
        .filter((c) => c.status === 429),
    ).toHaveLength(1);
  });

  it("the scheduled digest with a missing exec channel: run failed with what failed, admin told, no uploads", async () => {
    await JobRunModel.deleteMany({});
    h().standIn.failNext("chat.postMessage", { error: "channel_not_found" });
    const { logger: log, lines } = capturingLogger();
    const clock = new ManualClock(NOW);
    const s = new Scheduler({ jobs: [digestJob(h().app.app.client, upload)], clock, logger: log });
    await s.refresh();
    expect(await s.runDue(TEAM, "digest", NOW)).toMatchObject({ ran: true, status: "failed" });
    const run = await findRun({ teamId: TEAM, job: "digest", periodKey: "2027-W05" });
    expect(run).toMatchObject({
      status: "failed",
      retryable: false,
      failures: [
        {
          code: "channel_not_found",
          what: "chat.postMessage (digest 2027-W04) to the exec channel C0EXEC",
        },
      ],
    });
    expect(h().standIn.files.size).toBe(0);
    expect(h().standIn.messagesIn("DU0LEAD")).toHaveLength(1);
    expect(lines.filter((l) => String(l.msg).startsWith("cannot post to the exec channel"))).toHaveLength(1);
    // Later ticks of the week do not try again.
    clock.set(new Date(NOW.getTime() + 3600_000));
    await s.runDueJobs(clock.now());
    const posts = h()
      .standIn.callsOf("chat.postMessage")
      .map((c) => c.args.channel);
    expect(posts.filter((c) => c === "C0EXEC" || c === "U0LEAD")).toEqual(["C0EXEC", "U0LEAD"]);
  });
});

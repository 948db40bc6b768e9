/**
 * `npm start` while the database is down: the process waits and retries with a clear log line, does not
 * serve half-ready, and serves as soon as the database comes up — no restart needed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../src/db/provision.ts";
import { SIGNING_SECRET } from "../support/harness.ts";
import { SlackDriver } from "../support/slack-driver.ts";
import { SlackStandIn } from "../support/slack-standin.ts";
import { type AppProcess, startAppProcess } from "./support/app-process.ts";
import { type RestartableDatabase, startRestartableDatabase } from "./support/restartable-database.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

describe("app started while the database is down", () => {
  let db: RestartableDatabase;
  let standIn: SlackStandIn;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    db = await startRestartableDatabase("startdown");
    await db.stop();
    standIn = await new SlackStandIn().start();
  });
  afterAll(async () => {
    await app?.kill();
    await standIn?.stop();
    await db?.destroy();
  });

  it("logs that it is waiting, retries, then connects and serves without a restart", async () => {
    app = startAppProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: "0",
      MONGODB_URI: withDatabase(db.serverUri, "sop"),
    });
    const waiting = await app.waitForLog(
      (l) => /database not reachable, retrying/.test(l.msg),
      30_000,
      "retry line",
    );
    expect(waiting.level).toBe(40); // warn
    expect(waiting.attempt).toBe(1);
    // It keeps trying, and it is not serving Slack while it has no database.
    await app.waitForLog(
      (l) => /database not reachable/.test(l.msg) && l.attempt === 2,
      30_000,
      "second attempt",
    );
    expect(app.lines.some((l) => l.msg === "S&OP bot listening")).toBe(false);

    const upAt = Date.now();
    await db.start();
    await app.waitForLog((l) => l.msg === "database connected", 30_000, "database connected");
    const listening = await app.waitForLog((l) => l.msg === "S&OP bot listening", 30_000, "listening");
    const servedAfterMs = Date.now() - upAt;
    expect(servedAfterMs).toBeLessThan(15_000);

    const port = listening.port as number;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const driver = new SlackDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, standIn);
    const { http, responseId } = await driver.command(lead, "help");
    expect(http.status).toBe(200);
    const reply = await driver.reply(responseId);
    expect(reply.text).toBe("S&OP bot commands");
    expect(app.child.exitCode).toBeNull();
  });
});

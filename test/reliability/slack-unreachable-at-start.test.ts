/**
 * `npm start` while Slack's Web API is unreachable (a closed port) or refuses (auth.test answering an
 * error): one log line per attempt naming the URL and what failed, attempts backing off, /healthz saying
 * so, no unhandled rejection, and serving as soon as Slack answers — no restart needed. Over HTTP and
 * in Socket Mode.
 */
import { createServer } from "node:net";
import { afterEach, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../../src/db/provision.ts";
import { SIGNING_SECRET } from "../support/harness.ts";
import { SlackDriver } from "../support/slack-driver.ts";
import { SlackStandIn } from "../support/slack-standin.ts";
import { type AppProcess, type LogLine, startAppProcess } from "./support/app-process.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function health(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const retryLine = (attempt: number) => (l: LogLine) =>
  /^Slack not reachable at /.test(l.msg) && l.attempt === attempt;

/** Nothing in the output looks like a crash or a stack trace. */
function expectNoTrace(app: AppProcess): void {
  const raw = app.other.join("\n");
  expect(raw).not.toMatch(/unhandled|Unhandled|\n\s+at /);
  expect(app.lines.filter((l) => l.level >= 50)).toEqual([]);
  // One line per attempt: the Web API client's own retries inside an attempt are not warnings.
  expect(app.lines.filter((l) => l.level >= 40 && l.component === "bolt")).toEqual([]);
}

describe("app started while Slack does not answer", () => {
  let app: AppProcess | undefined;
  let standIn: SlackStandIn | undefined;
  const mongoUri = withDatabase(inject("mongoServerUri"), `slackdown_${process.pid}`);

  afterEach(async () => {
    await app?.kill();
    await standIn?.stop();
    app = standIn = undefined;
  });

  it("a closed port: one line naming the URL and the refused connection, retries backing off, /healthz 503", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    app = startAppProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: url,
      PORT: "0",
      MONGODB_URI: mongoUri,
    });
    const listening = await app.waitForLog((l) => l.msg === "S&OP bot listening", 60_000, "listening");
    const first = await app.waitForLog(retryLine(1), 30_000, "first failed attempt");
    expect(first.level).toBe(40); // warn
    expect(first.msg).toContain(url);
    expect(first.msg).toContain("ECONNREFUSED");
    expect(first.msg).toMatch(/retrying in 1 s$/);
    const second = await app.waitForLog(retryLine(2), 30_000, "second attempt");
    expect(second.retryInS).toBe(2);

    const { status, body } = await health(listening.port as number);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, database: "up", slack: "down", slackUrl: url });
    expect(String(body.slackError)).toContain("ECONNREFUSED");
    expect(app.child.exitCode).toBeNull();
    expectNoTrace(app);
  });

  it("Socket Mode, a closed port: the same lines and backoff, /healthz 503 from Socket Mode's own HTTP server", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    app = startAppProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-1-test-token",
      SLACK_API_URL: url,
      PORT: "0",
      MONGODB_URI: mongoUri,
    });
    const listening = await app.waitForLog((l) => l.msg === "S&OP bot listening", 60_000, "listening");
    expect(listening.socketMode).toBe(true);
    const first = await app.waitForLog(retryLine(1), 30_000, "first failed attempt");
    expect(first.msg).toContain(url);
    expect(first.msg).toContain("ECONNREFUSED");
    const second = await app.waitForLog(retryLine(2), 30_000, "second attempt");
    expect(second.retryInS).toBe(2);
    const { status, body } = await health(listening.port as number);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, slack: "down", slackUrl: url });
    expect(app.child.exitCode).toBeNull();
    expectNoTrace(app);
  });

  it("auth.test refused twice (invalid_auth): the line says to check the token; then it serves", async () => {
    standIn = await new SlackStandIn().start();
    standIn.failNext("auth.test", { error: "invalid_auth" }, 2);
    app = startAppProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: "0",
      MONGODB_URI: mongoUri,
    });
    const listening = await app.waitForLog((l) => l.msg === "S&OP bot listening", 60_000, "listening");
    const first = await app.waitForLog(retryLine(1), 30_000, "first refused attempt");
    expect(first.msg).toContain(standIn.apiUrl);
    expect(first.msg).toContain("refused: invalid_auth; check SLACK_BOT_TOKEN");
    const up = await app.waitForLog((l) => l.msg === "Slack reachable", 30_000, "Slack reachable");
    expect(up.attempt).toBe(3);
    expect(app.lines.filter((l) => /^Slack not reachable/.test(l.msg))).toHaveLength(2);

    const port = listening.port as number;
    expect(await health(port)).toEqual({ status: 200, body: { ok: true, database: "up", slack: "up" } });
    const driver = new SlackDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, standIn);
    const { http, responseId } = await driver.command(lead, "help");
    expect(http.status).toBe(200);
    expect((await driver.reply(responseId)).text).toBe("S&OP bot commands");
    expectNoTrace(app);
  });
});

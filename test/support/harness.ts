/**
 * The whole app as Slack sees it: the real Bolt app on a real HTTP port, the Web API stand-in,
 * a signed-request driver and a fresh database. `useHarness()` wires it into a test file.
 */
import { afterAll, beforeAll } from "vitest";
import { type RunningApp, startApp } from "../../commands/app.ts";
import { InFlight } from "../../commands/in-flight.ts";
import { type Clock, ManualClock } from "../../src/clock.ts";
import { type Env, parseEnv } from "../../src/env.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { connectTestDatabase, dropTestDatabase } from "./database.ts";
import { ACK_LIMIT_MS, slackDeadline } from "./slack-deadlines.ts";
import { SlackDriver } from "./slack-driver.ts";
import { SlackStandIn } from "./slack-standin.ts";
import { SocketModeStandIn } from "./socket-mode-standin.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface Harness {
  driver: SlackDriver;
  standIn: SlackStandIn;
  app: RunningApp;
  env: Env;
  clock: Clock;
  inFlight: InFlight;
  /** Set when the app runs in Socket Mode (`socketMode: true`). */
  socketMode?: SocketModeStandIn;
  /** Waits until all work after ack() has finished. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  standIn?: SlackStandIn;
  env?: Record<string, string>;
  /** Serve Slack over Socket Mode (an app-level token, no signing secret) instead of HTTP. */
  socketMode?: boolean;
  /** The app's logger (default: one at TEST_LOG_LEVEL, silent). */
  logger?: Logger;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const standIn = opts.standIn ?? (await new SlackStandIn().start());
  const socketMode = opts.socketMode ? await new SocketModeStandIn().start() : undefined;
  standIn.socketMode = socketMode;
  const env = parseEnv({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    ...(socketMode ? { SLACK_APP_TOKEN: "xapp-1-A0SOP-1-test" } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    PORT: "0",
    SLACK_API_URL: standIn.apiUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...opts.env,
  });
  const clock = opts.clock ?? new ManualClock(new Date());
  const inFlight = new InFlight();
  const logger = opts.logger ?? createLogger(env.LOG_LEVEL);
  const app = await startApp({ env, logger, clock, inFlight });
  followStretchedAckLimit(app);
  const driver = new SlackDriver(
    `http://127.0.0.1:${app.port}/slack/events`,
    SIGNING_SECRET,
    standIn,
    socketMode,
  );
  return {
    driver,
    standIn,
    socketMode,
    app,
    env,
    clock,
    inFlight,
    settle: async () => {
      await inFlight.drain(10_000);
    },
    stop: async () => {
      await app.stop();
      await socketMode?.stop();
      await standIn.stop();
    },
  };
}

/** In a test file: a fresh database and a running app for the file's tests. */
export function useHarness(label: string, opts: HarnessOptions = {}): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    await connectTestDatabase(label);
    h = await startHarness(opts);
  });
  afterAll(async () => {
    await h?.stop();
    await dropTestDatabase();
  });
  return () => {
    if (!h) throw new Error("harness not started");
    return h;
  };
}

/**
 * Bolt's HTTP receiver answers 404 to a request not acked within a fixed 3001 ms. The driver already
 * enforces Slack's 3 s ack limit, stretched on a busy machine (slack-deadlines.ts) and failing the test
 * with what happened; Bolt's own cut must not come first, or a slow shared machine turns into bare 404s.
 * The receiver reads the limit per request, so it follows the load.
 */
function followStretchedAckLimit(app: RunningApp): void {
  const receiver = (app.app as unknown as { receiver?: object }).receiver;
  if (!receiver || !("unhandledRequestTimeoutMillis" in receiver)) return; // Socket Mode: no such cut
  Object.defineProperty(receiver, "unhandledRequestTimeoutMillis", {
    get: () => slackDeadline(ACK_LIMIT_MS) + 1,
  });
}

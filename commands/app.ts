/**
 * Builds the Bolt app: HTTP receiver at /slack/events (or Socket Mode), GET /healthz, every listener
 * registered by its folder's register(app), and a start/stop pair that shuts down gracefully.
 */

import { once } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { App, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type RunningJobs, startJobs } from "../jobs/index.ts";
import { watchRateLimits } from "../jobs/slack-errors.ts";
import { databaseReachable, watchDatabase } from "../src/db/connection.ts";
import { logFailure } from "../src/logger.ts";
import { boltLogger } from "./bolt-logger.ts";
import type { AppDeps } from "./deps.ts";
import { type OAuthSetup, oauthSetup } from "./oauth/oauth-options.ts";
import { installedClients, type SlackClients } from "./oauth/team-clients.ts";
import { createReceiver, webApiOptions } from "./receiver.ts";
import { registerListeners } from "./register-all.ts";
import { connectSlack, type SlackConnection } from "./slack-connection.ts";
import { type AppSurface, recordSurface } from "./surface.ts";

export interface RunningApp {
  app: App;
  /** The HTTP port actually bound (useful with PORT=0). */
  port: number;
  /**
   * The scheduled jobs, when started with `{ jobs: true }` (npm start); tests drive them themselves. They
   * start after the server listens and are not awaited: loading every team's schedule takes a while, and
   * the app must take requests and obey a SIGTERM meanwhile.
   */
  jobs?: Promise<RunningJobs | undefined>;
  /** What scheduled jobs post with (tests and scripts tick jobs with it). */
  clients: WebClient | SlackClients;
  /** The deps the listeners got (with the installation store under OAuth). */
  deps: AppDeps;
  /** Whether Slack's Web API answers (tried again with backoff while it does not). */
  slack: SlackConnection;
  stop(): Promise<void>;
}

function healthRoute(slack: () => SlackConnection | undefined) {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req: unknown, res: import("node:http").ServerResponse) => {
      databaseReachable().then((dbUp) => {
        const s = slack()?.state();
        const ok = dbUp && s?.slack === "up";
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        const slackPart = s && { slack: s.slack, ...(s.error && { slackUrl: s.url, slackError: s.error }) };
        res.end(JSON.stringify({ ok, database: dbUp ? "up" : "down", ...slackPart }));
      });
    },
  };
}

export function createApp(deps: AppDeps): {
  app: App;
  receiver: Receiver;
  surface: AppSurface;
  oauth?: OAuthSetup;
  /** `deps` with what the app set up (the installation store with OAuth). */
  deps: AppDeps;
  /** Tries Slack until it answers (call once the receiver serves). */
  connect(): SlackConnection;
} {
  const { env } = deps;
  const logger = boltLogger(deps.logger);
  let slack: SlackConnection | undefined;
  const customRoutes = [healthRoute(() => slack)];
  const oauth = oauthSetup(env, deps.logger, webApiOptions(env));
  const appDeps: AppDeps = { ...deps, installations: oauth?.store };
  const receiver = createReceiver(env, logger, customRoutes, oauth);
  const app = new App({
    // One workspace: its bot token. OAuth: none here; each request is authorised from its team's installation.
    token: env.SLACK_BOT_TOKEN,
    receiver,
    logger,
    // No conversation store: nothing here uses it, and its middleware costs every request a lookup.
    convoStore: false,
    clientOptions: webApiOptions(env),
    // Initialised by connect(): its auth.test may fail while Slack is unreachable, and is retried.
    deferInitialization: true,
  });
  app.error(async (error) => {
    deps.logger.error({ err: error }, "bolt error");
  });
  const surface = recordSurface(app);
  registerListeners(app, appDeps);
  const socket = receiver instanceof SocketModeReceiver ? receiver : undefined;
  const connect = () => {
    slack ??= connectSlack(app, { url: env.SLACK_API_URL, logger: deps.logger, socket });
    return slack;
  };
  return { app, receiver, surface, oauth, deps: appDeps, connect };
}

/** The Web API clients scheduled jobs post with: the app's own, or each installed team's (OAuth). */
export function jobClients(app: App, deps: AppDeps): WebClient | SlackClients {
  if (!deps.installations) return app.client;
  const log = deps.logger.child({ component: "scheduler" });
  return installedClients(
    deps.installations,
    { ...webApiOptions(deps.env), logger: boltLogger(deps.logger) },
    (client) => watchRateLimits(client, log),
  );
}

export async function startApp(baseDeps: AppDeps, opts: { jobs?: boolean } = {}): Promise<RunningApp> {
  const { app, deps, receiver, connect } = createApp(baseDeps);
  // HTTP serves (/healthz too) before Slack answers; Socket Mode starts inside connect().
  const started = receiver instanceof SocketModeReceiver ? undefined : await receiver.start(deps.env.PORT);
  const slack = connect();
  await slack.firstAttempt;
  // Socket Mode serves /healthz (and the OAuth paths) from an HTTP server of its own on PORT.
  const server = (
    receiver instanceof SocketModeReceiver
      ? (receiver as unknown as { httpServer?: Server }).httpServer
      : started
  ) as Server | undefined;
  if (server && !server.listening) await once(server, "listening");
  const address = server && typeof server.address === "function" ? server.address() : null;
  const port = address && typeof address === "object" ? address.port : deps.env.PORT;
  // Requests not yet answered hold back new post-ack work (acks first, see commands/in-flight.ts).
  server?.on?.("request", (_req: IncomingMessage, res: ServerResponse) => {
    deps.inFlight.noteRequest(1);
    res.once("close", () => deps.inFlight.noteRequest(-1));
  });
  deps.logger.info({ port, socketMode: Boolean(deps.env.SLACK_APP_TOKEN) }, "S&OP bot listening");
  const clients = jobClients(app, deps);
  const jobs = opts.jobs
    ? startJobs(clients, deps).catch((err) => {
        deps.logger.error({ err }, "scheduler did not start");
        return undefined;
      })
    : undefined;
  const watchdog = watchDatabase(deps.logger);
  let stopping: Promise<void> | undefined;
  return {
    app,
    port,
    jobs,
    clients,
    deps,
    slack,
    stop: () => {
      stopping ??= (async () => {
        slack.stop();
        watchdog.stop();
        // Stop accepting at once, then let acknowledged work and running jobs finish before the database
        // goes away.
        const closed = app
          .stop()
          .catch((err) =>
            logFailure(deps.logger, err, "shutdown: the receiver did not stop cleanly", {}, "warn"),
          );
        const jobsStopped = jobs?.then((running) => running?.stop());
        const drained = await deps.inFlight.drain(8000);
        if (!drained)
          deps.logger.warn(
            { pending: deps.inFlight.size },
            "shutdown: in-flight work did not finish in time",
          );
        await Promise.all([closed, jobsStopped]);
      })();
      return stopping;
    },
  };
}

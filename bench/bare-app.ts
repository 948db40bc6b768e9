/**
 * The baseline for the ack benchmark: a Bolt app that only acks, with the same HTTPReceiver settings,
 * Web API client options and logger as commands/app.ts, so the difference measured is our listeners.
 */
import type { Server } from "node:http";
import { App, HTTPReceiver } from "@slack/bolt";
import { boltLogger } from "../commands/bolt-logger.ts";
import type { Env } from "../src/env.ts";
import type { Logger } from "../src/logger.ts";

export async function startBareApp(env: Env, log: Logger): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = boltLogger(log);
  const receiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET,
    endpoints: "/slack/events",
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"ok":true}');
        },
      },
    ],
    logger,
    processEventErrorHandler: async ({ response }) => {
      if (!response.headersSent) {
        response.writeHead(200);
        response.end();
      }
      return true;
    },
  });
  const app = new App({
    token: env.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions: {
      slackApiUrl: env.SLACK_API_URL,
      retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 5000 },
    },
  });
  app.command(/.*/, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  const server = (await app.start(env.PORT)) as unknown as Server;
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : env.PORT;
  return { port, stop: () => app.stop() as Promise<void> };
}

/**
 * The baseline for the ack benchmark: a Bolt app that only acks, with the same receiver (commands/receiver.ts),
 * Web API client options and logger as commands/app.ts, so the difference measured is our listeners.
 */
import type { Server } from "node:http";
import { App } from "@slack/bolt";
import { boltLogger } from "../commands/bolt-logger.ts";
import { createReceiver, webApiOptions } from "../commands/receiver.ts";
import type { Env } from "../src/env.ts";
import type { Logger } from "../src/logger.ts";

export async function startBareApp(env: Env, log: Logger): Promise<{ port: number; stop(): Promise<void> }> {
  const logger = boltLogger(log);
  const receiver = createReceiver(env, logger, [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
      },
    },
  ]);
  const app = new App({
    token: env.SLACK_BOT_TOKEN,
    receiver,
    logger,
    convoStore: false,
    clientOptions: webApiOptions(env),
  });
  app.command(/.*/, async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  const server = (await app.start(env.PORT)) as unknown as Server;
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : env.PORT;
  return { port, stop: () => app.stop() as Promise<void> };
}

/**
 * The app's surface without starting anything: a real Bolt App on a receiver that never listens, with
 * authorization deferred (no call to Slack), and every listener registered exactly as `npm start` does.
 */
import { App, type Receiver } from "@slack/bolt";
import { InFlight } from "../../commands/in-flight.ts";
import { registerListeners } from "../../commands/register-all.ts";
import { type AppSurface, recordSurface } from "../../commands/surface.ts";
import { systemClock } from "../../src/clock.ts";
import { parseEnv } from "../../src/env.ts";
import { createLogger } from "../../src/logger.ts";

const idle: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

export function collectSurface(): AppSurface {
  const env = parseEnv({ SLACK_BOT_TOKEN: "xoxb-manifest", SLACK_SIGNING_SECRET: "manifestmanifest00" });
  const logger = createLogger("silent");
  const app = new App({
    token: env.SLACK_BOT_TOKEN,
    receiver: idle,
    deferInitialization: true,
    convoStore: false,
  });
  const surface = recordSurface(app);
  registerListeners(app, { env, logger, clock: systemClock, inFlight: new InFlight() });
  return surface;
}

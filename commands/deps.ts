/** What every listener receives: process-wide services, injected so tests control the clock and logs. */
import type { Clock } from "../src/clock.ts";
import type { Env } from "../src/env.ts";
import type { Logger } from "../src/logger.ts";
import type { InFlight } from "./in-flight.ts";
import type { MongoInstallationStore } from "./oauth/installation-store.ts";

export interface AppDeps {
  env: Env;
  logger: Logger;
  clock: Clock;
  inFlight: InFlight;
  /** The workspaces' installations, with OAuth distribution (none with one workspace's SLACK_BOT_TOKEN). */
  installations?: MongoInstallationStore;
}

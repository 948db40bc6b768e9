/** `npm start`: validate configuration, connect the database (waiting for it), serve Slack. */

import { startApp } from "../commands/app.ts";
import { InFlight } from "../commands/in-flight.ts";
import { systemClock } from "./clock.ts";
import { connectDatabase, disconnectDatabase } from "./db/connection.ts";
import { MissingPrerequisite } from "./db/prerequisites.ts";
import { EnvError, parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { loadEnvFile, resolveDatabase } from "./runtime.ts";
import { migrateActuals } from "./store/actuals/index.ts";

loadEnvFile();
let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv(process.env);
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger(env.LOG_LEVEL);
const { uri, server } = await resolveDatabase((line) => logger.info(line)).catch((err) => {
  if (!(err instanceof MissingPrerequisite)) throw err;
  console.error(err.message);
  process.exit(1);
});
await connectDatabase(uri, { logger, retryForever: true });
// Actuals stored one row per document by earlier versions move into buckets before anything reads them.
await migrateActuals({ log: (step) => logger.info(step, "actuals migrated into buckets") }).catch((err) =>
  logger.error({ err }, "actuals migration failed; `sop migrate` runs it again"),
);
// Signals are handled from the moment the server can take a request, also while the app is still starting.
const starting = startApp({ env, logger, clock: systemClock, inFlight: new InFlight() }, { jobs: true });

let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down");
    const hardStop = setTimeout(() => process.exit(1), 10_000);
    hardStop.unref();
    const running = await starting.catch(() => undefined);
    await running?.stop();
    await disconnectDatabase().catch(() => {});
    await server?.stop();
    logger.info("stopped");
    process.exit(0);
  });
}
await starting;

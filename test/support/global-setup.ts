/**
 * Checks the machine first (Node, a way to run the database, chromium), then one database server per
 * test run (FerretDB, mongod or MONGODB_URI), always stopped at the end.
 */
import type { TestProject } from "vitest/node";
import { findChromium } from "../../scripts/demo/browser.ts";
import { missingForDatabase, prerequisitesMessage } from "../../src/db/prerequisites.ts";
import { provisionDatabase } from "../../src/db/provision.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mongoServerUri: string;
  }
}

/** What the suite needs that this machine lacks, as one message; null when nothing is missing. */
export function missingForTests(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = missingForDatabase(env);
  if (!findChromium(env))
    missing.push(
      "chromium, for the demo page's check in headless Chromium (none of chromium, chromium-browser, google-chrome on PATH): on Debian or Ubuntu `apt-get install chromium`; elsewhere set CHROMIUM=/path/to/chrome.",
    );
  return prerequisitesMessage("The test suite", missing);
}

export default async function setup(project: TestProject) {
  const missing = missingForTests();
  if (missing) {
    // One message and a plain exit: a thrown error here would print vitest's stack trace around it.
    process.stderr.write(`\n${missing}\n\n`);
    process.exit(1);
  }
  const db = await provisionDatabase({
    dataName: `test-${process.pid}`,
    ephemeral: true,
    log: (line) => console.log(`[db] ${line}`),
  });
  console.log(`[db] ${db.kind} at ${db.serverUri}`);
  project.provide("mongoServerUri", db.serverUri);
  const stop = () => db.stop();
  // Also on abrupt ends (Ctrl-C, a crashing worker): the FerretDB launcher additionally exits with its parent.
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(143)));
  return stop;
}

/** One database server per test run (FerretDB, mongod or MONGODB_URI), always stopped at the end. */
import type { TestProject } from "vitest/node";
import { provisionDatabase } from "../../src/db/provision.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mongoServerUri: string;
  }
}

export default async function setup(project: TestProject) {
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

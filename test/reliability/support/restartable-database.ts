/**
 * A database server of the test file's own that can be stopped and started again on the same port and
 * data folder, as an operator restart or a crash-and-restart looks to the app's driver.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { type ProvisionedDatabase, provisionDatabase, repoRoot } from "../../../src/db/provision.ts";

export interface RestartableDatabase {
  serverUri: string;
  port: number;
  kind: ProvisionedDatabase["kind"];
  /** Stops the server (SIGTERM, or SIGKILL for a crash); its data stays. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

export async function startRestartableDatabase(label: string): Promise<RestartableDatabase> {
  const dataName = `rel-${label}-${process.pid}`;
  const dataDir = join(repoRoot, ".data", dataName);
  rmSync(dataDir, { recursive: true, force: true });
  // Not `ephemeral`: that would remove the data on every stop; this helper removes it in destroy().
  let server: ProvisionedDatabase | null = await provisionDatabase({ dataName });
  if (server.kind === "env")
    throw new Error("reliability tests stop and restart their own server: unset MONGODB_URI to run them");
  const port = Number(new URL(server.serverUri).port);
  const kind = server.kind;
  return {
    serverUri: server.serverUri,
    port,
    kind,
    stop: async (signal) => {
      await server?.stop(signal);
      server = null;
    },
    start: async () => {
      if (server) return;
      server = await provisionDatabase({ dataName, port });
    },
    destroy: async () => {
      await server?.stop();
      server = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

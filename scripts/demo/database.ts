/**
 * The demo's database: MONGODB_URI when set; by default a throw-away local one; with `--keep`, the
 * local database `npm start` and the `sop` CLI use (.data/dev), so the month can be explored after.
 * A kept run replaces only a database that is empty or that an earlier kept demo filled (a marker
 * file per database under .data/ says so); anything else is left alone and the demo stops, saying why.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.ts";
import { databaseHoldsData, dropConnectedDatabase } from "../../src/db/database-contents.ts";
import {
  type ProvisionedDatabase,
  provisionDatabase,
  repoRoot,
  withDatabase,
} from "../../src/db/provision.ts";
import { resolveDatabase } from "../../src/runtime.ts";

export class DemoDatabaseRefused extends Error {}

export interface DemoDatabase {
  uri: string;
  server: ProvisionedDatabase | null;
  kept: boolean;
}

/**
 * The marker saying a database holds a kept demo: beside the local one's data folder (its server
 * listens on a new port each start), else named by MONGODB_URI's hash (no credentials on disk).
 */
export function keptMarker(uri = process.env.MONGODB_URI): string {
  if (!uri) return join(repoRoot, ".data", "dev.demo");
  return join(repoRoot, ".data", `kept-demo-${createHash("sha256").update(uri).digest("hex").slice(0, 12)}`);
}

/** Connects to the demo's database and empties it. */
export async function openDemoDatabase(keep: boolean, log: (line: string) => void): Promise<DemoDatabase> {
  let uri: string;
  let server: ProvisionedDatabase | null = null;
  if (keep) {
    ({ uri, server } = await resolveDatabase(log));
  } else if (process.env.MONGODB_URI) {
    uri = process.env.MONGODB_URI;
  } else {
    server = await provisionDatabase({ dataName: "demo", ephemeral: true, log });
    uri = withDatabase(server.serverUri, "sop_demo");
  }
  await connectDatabase(uri);
  const marker = keptMarker();
  if (keep && !existsSync(marker) && (await databaseHoldsData())) {
    await disconnectDatabase();
    await server?.stop();
    throw new DemoDatabaseRefused(
      `${process.env.MONGODB_URI ? "MONGODB_URI" : "The local database (.data/dev)"} already holds data the demo did not write, so --keep will not replace it. Run \`npm run demo\` without --keep, or point MONGODB_URI at an empty database.`,
    );
  }
  await dropConnectedDatabase();
  // Connecting again creates the indexes the drop took away.
  await connectDatabase(uri);
  if (keep) {
    mkdirSync(join(repoRoot, ".data"), { recursive: true });
    writeFileSync(marker, "The database this file names holds the S&OP demo (npm run demo -- --keep).\n");
  }
  return { uri, server, kept: keep };
}

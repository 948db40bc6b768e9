/**
 * The demo's database: MONGODB_URI when set; by default a throw-away local one; with `--keep`, the
 * local database `npm start` and the `sop` CLI use (.data/dev), so the month can be explored after.
 * A kept run replaces only a database that is empty or that an earlier kept demo filled (a marker
 * file beside it says so); anything else is left alone and the demo stops, saying why.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import mongoose from "mongoose";
import { connectDatabase } from "../../src/db/connection.ts";
import {
  type ProvisionedDatabase,
  provisionDatabase,
  repoRoot,
  withDatabase,
} from "../../src/db/provision.ts";
import { resolveDatabase } from "../../src/runtime.ts";

const KEPT_MARKER = join(repoRoot, ".data", "dev.demo");

export class DemoDatabaseRefused extends Error {}

export interface DemoDatabase {
  uri: string;
  server: ProvisionedDatabase | null;
  kept: boolean;
}

async function holdsData(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if ((await db.collection(c.name).estimatedDocumentCount()) > 0) return true;
  }
  return false;
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
  if (keep && !existsSync(KEPT_MARKER) && (await holdsData())) {
    await mongoose.disconnect();
    await server?.stop();
    throw new DemoDatabaseRefused(
      `${process.env.MONGODB_URI ? "MONGODB_URI" : "The local database (.data/dev)"} already holds data the demo did not write, so --keep will not replace it. Run \`npm run demo\` without --keep, or point MONGODB_URI at an empty database.`,
    );
  }
  await mongoose.connection.dropDatabase();
  await connectDatabase(uri);
  if (keep)
    writeFileSync(
      KEPT_MARKER,
      "The database beside this file holds the S&OP demo (npm run demo -- --keep).\n",
    );
  return { uri, server, kept: keep };
}

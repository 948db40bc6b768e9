/** Start-up helpers shared by `npm start`, `npm run dev`, the CLI and scripts. */
import { config as loadDotenv } from "dotenv";
import { assertDatabasePrerequisites } from "./db/prerequisites.ts";
import { type ProvisionedDatabase, provisionDatabase, withDatabase } from "./db/provision.ts";

/** Loads .env when present; real environment variables win. */
export function loadEnvFile(): void {
  loadDotenv({ quiet: true });
}

/**
 * MONGODB_URI when set, else a local server (mongod or FerretDB) with its data under .data/dev.
 * Throws MissingPrerequisite (a message to print as it is) when this machine cannot start one.
 */
export async function resolveDatabase(
  log: (line: string) => void,
): Promise<{ uri: string; server: ProvisionedDatabase | null }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, server: null };
  assertDatabasePrerequisites("The local database");
  const server = await provisionDatabase({ dataName: "dev", log });
  return { uri: withDatabase(server.serverUri, "sop"), server };
}

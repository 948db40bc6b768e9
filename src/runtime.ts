/** Start-up helpers shared by `npm start`, `npm run dev`, the CLI and scripts. */
import { config as loadDotenv } from "dotenv";
import { type ProvisionedDatabase, provisionDatabase, withDatabase } from "./db/provision.ts";

/** Loads .env when present; real environment variables win. */
export function loadEnvFile(): void {
  loadDotenv({ quiet: true });
}

/** MONGODB_URI when set, else a local server (mongod or FerretDB) with its data under .data/dev. */
export async function resolveDatabase(
  log: (line: string) => void,
): Promise<{ uri: string; server: ProvisionedDatabase | null }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, server: null };
  const server = await provisionDatabase({ dataName: "dev", log });
  return { uri: withDatabase(server.serverUri, "sop"), server };
}

/**
 * Runs a CLI command body against the database: MONGODB_URI, else the local dev server for the duration.
 * When the process already holds a client (the demo and the tests run the CLI in-process), that client
 * is used as is and left open, even while a missed heartbeat makes it read as disconnected.
 */
import { connectDatabase, databaseOpen, disconnectDatabase } from "../db/connection.ts";
import { resolveDatabase } from "../runtime.ts";

export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  if (databaseOpen()) return work();
  const { uri, server } = await resolveDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    await connectDatabase(uri);
    return await work();
  } finally {
    await disconnectDatabase().catch(() => {});
    await server?.stop();
  }
}

/** Runs a CLI command body against the database: MONGODB_URI, else the local dev server for the duration. */
import { connectDatabase, disconnectDatabase } from "../db/connection.ts";
import { resolveDatabase } from "../runtime.ts";

export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const { uri, server } = await resolveDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    await connectDatabase(uri);
    return await work();
  } finally {
    await disconnectDatabase().catch(() => {});
    await server?.stop();
  }
}

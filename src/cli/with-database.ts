/**
 * Runs a CLI command body against the database: MONGODB_URI, else the local dev server for the duration.
 * When the process is already connected (the demo runs the CLI in-process), that connection is used as is.
 */
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "../db/connection.ts";
import { resolveDatabase } from "../runtime.ts";

export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  if (mongoose.connection.readyState === 1) return work();
  const { uri, server } = await resolveDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    await connectDatabase(uri);
    return await work();
  } finally {
    await disconnectDatabase().catch(() => {});
    await server?.stop();
  }
}

/**
 * The mongoose connection. Commands are not buffered while disconnected, so a request during an outage
 * fails at once with a clear "try again" instead of hanging past Slack's 3 s.
 */
import mongoose from "mongoose";
import type { Logger } from "../logger.ts";
import { allModels } from "./models/index.ts";

mongoose.set("strictQuery", true);

export interface ConnectOptions {
  logger?: Logger;
  /** Keep retrying until connected (app start while the database is down). */
  retryForever?: boolean;
  retryDelayMs?: number;
}

export async function connectDatabase(uri: string, opts: ConnectOptions = {}): Promise<typeof mongoose> {
  const delay = opts.retryDelayMs ?? 2000;
  for (let attempt = 1; ; attempt++) {
    try {
      await mongoose.connect(uri, {
        bufferCommands: false,
        autoIndex: false,
        autoCreate: false,
        serverSelectionTimeoutMS: 2000,
        connectTimeoutMS: 2000,
        socketTimeoutMS: 30_000,
        heartbeatFrequencyMS: 1000,
        maxPoolSize: 20,
      });
      await ensureIndexes();
      opts.logger?.info({ db: mongoose.connection.name }, "database connected");
      return mongoose;
    } catch (err) {
      await mongoose.disconnect().catch(() => {});
      if (!opts.retryForever) throw err;
      opts.logger?.warn(
        { attempt, err: (err as Error).message },
        `database not reachable, retrying in ${delay / 1000} s`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Creates collections and indexes the models declare; never drops anything. */
export async function ensureIndexes(): Promise<void> {
  for (const model of allModels()) {
    await model.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // 48 = NamespaceExists
    });
    await model.createIndexes();
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/**
 * True when the server answers a ping within a second. Asks the server itself rather than trusting
 * mongoose's readyState, which follows the driver's monitoring events and can lag behind a restart.
 */
export async function databaseReachable(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, rej) => setTimeout(() => rej(new Error("ping timeout")), 1000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

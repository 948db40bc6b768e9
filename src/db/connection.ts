/**
 * The mongoose connection. Commands are not buffered while disconnected, so a request during an outage
 * fails at once with a clear "try again" instead of hanging past Slack's 3 s.
 */
import { MongoClient } from "mongodb";
import mongoose from "mongoose";
import type { Logger } from "../logger.ts";
import { allModels } from "./models/index.ts";

mongoose.set("strictQuery", true);

export interface ConnectOptions {
  logger?: Logger;
  /** Keep retrying until connected (app start while the database is down). */
  retryForever?: boolean;
  retryDelayMs?: number;
  /** Emit the driver's command monitoring events (`commandStarted`…): tests that check every query. */
  monitorCommands?: boolean;
}

/** The URI of the last connect, for the watchdog's reconnect. */
let connectedUri: string | null = null;

export async function connectDatabase(uri: string, opts: ConnectOptions = {}): Promise<typeof mongoose> {
  connectedUri = uri;
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
        monitorCommands: opts.monitorCommands ?? false,
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
  connectedUri = null;
  await mongoose.disconnect();
}

/**
 * Whether this process holds a database client, connected or riding out a blip (under load a missed
 * heartbeat briefly reads as "disconnected"; the driver recovers by itself).
 */
export function databaseOpen(): boolean {
  return connectedUri !== null;
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

/** True when a brand-new client reaches the server within a second (the app's own client aside). */
async function freshPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

export interface DatabaseWatchdog {
  stop(): void;
}

/**
 * Reopens the app's database client when it stopped recovering by itself. The driver reconnects after
 * an outage on its own — except, rarely and under load, when its server monitor stays wedged after the
 * server came back: then every command fails ("try again") for good while a new client connects at once
 * (seen in test/reliability/database-outage.test.ts). When the app's pings have failed for
 * `stuckAfterMs` and a fresh client can ping, the client is closed and connected again.
 */
export function watchDatabase(
  logger: Logger,
  opts: { everyMs?: number; stuckAfterMs?: number } = {},
): DatabaseWatchdog {
  const everyMs = opts.everyMs ?? 2000;
  const stuckAfterMs = opts.stuckAfterMs ?? 8000;
  let failingSince: number | null = null;
  let busy = false;
  const timer = setInterval(async () => {
    const uri = connectedUri;
    if (busy || !uri) return;
    busy = true;
    try {
      if (await databaseReachable()) {
        failingSince = null;
        return;
      }
      failingSince ??= Date.now();
      // Still down for everyone: the driver reconnects by itself once the server is back.
      if (Date.now() - failingSince < stuckAfterMs || !(await freshPing(uri))) return;
      logger.warn(
        { failingForMs: Date.now() - failingSince },
        "database client not recovering although the server answers; reconnecting",
      );
      await mongoose.disconnect().catch(() => {});
      await connectDatabase(uri, { logger, retryForever: true });
      failingSince = null;
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

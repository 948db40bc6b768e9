/**
 * Finds or starts a MongoDB-compatible server: MONGODB_URI if set; else a `mongod` on PATH;
 * else FerretDB 1.24 on SQLite, built once from db/ferretdb with the machine's Go into .cache/ and started
 * on a free loopback port with its data under .data/. The same module serves the demo, dev, `npm run db`
 * and the tests, so every path runs against the same kind of server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MongoClient } from "mongodb";
import { buildFerretDb as buildPatchedFerretDb, ferretDbBinaryPath, findOnPath } from "./ferretdb-build.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const ferretSource = join(repoRoot, "db/ferretdb");
const cacheDir = join(repoRoot, ".cache/ferretdb");

export interface ProvisionedDatabase {
  /** Server URI without a database name, e.g. mongodb://127.0.0.1:40123/ */
  serverUri: string;
  kind: "env" | "mongod" | "ferretdb";
  /** Stops the server (SIGTERM; tests pass SIGKILL to simulate a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ProvisionOptions {
  /** Folder under .data/ for the server's files. */
  dataName?: string;
  /** Remove the data folder on stop (tests, demo). */
  ephemeral?: boolean;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Listen on this port instead of a free one (restart a stopped server where clients expect it). */
  port?: number;
}

/** Puts a database name into a server URI, keeping any query string. */
export function withDatabase(uri: string, db: string): string {
  const u = new URL(uri);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function provisionDatabase(opts: ProvisionOptions = {}): Promise<ProvisionedDatabase> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => {});
  if (env.MONGODB_URI) {
    return { serverUri: env.MONGODB_URI, kind: "env", stop: async () => {} };
  }
  const dataDir = join(repoRoot, ".data", opts.dataName ?? "dev");
  if (opts.ephemeral) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const mongod = findOnPath("mongod", env);
  let child: ChildProcess;
  let kind: ProvisionedDatabase["kind"];
  if (mongod) {
    kind = "mongod";
    log(`starting mongod on 127.0.0.1:${port}`);
    child = spawn(
      mongod,
      ["--dbpath", dataDir, "--port", String(port), "--bind_ip", "127.0.0.1", "--quiet"],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
  } else {
    kind = "ferretdb";
    const bin = await buildFerretDb(log);
    log(`starting FerretDB on 127.0.0.1:${port}`);
    child = spawn(bin, ["-dir", dataDir, "-listen", `127.0.0.1:${port}`, "-watch-parent"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  }
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const serverUri = `mongodb://127.0.0.1:${port}/`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (opts.ephemeral) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(serverUri, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { serverUri, kind, stop };
}

/** Whether the FerretDB launcher for the current source is already built (then Go is not needed). */
export function ferretDbBuilt(): boolean {
  return existsSync(ferretDbBinaryPath(ferretSource, cacheDir));
}

/** Builds the FerretDB launcher once (src/db/ferretdb-build.ts); rebuilt only when its source changes. */
export function buildFerretDb(log: (line: string) => void = () => {}): Promise<string> {
  return buildPatchedFerretDb(ferretSource, cacheDir, log);
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function waitForServer(uri: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`database server exited with code ${child.exitCode}: ${stderr().trim()}`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db("admin").command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 150));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new Error(`database server did not become ready: ${String(lastError)}`);
}

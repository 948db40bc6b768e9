/**
 * Finds or starts a MongoDB-compatible server (DESIGN §7): MONGODB_URI if set; else a `mongod` on PATH;
 * else FerretDB 1.24 on SQLite, built once from db/ferretdb with the machine's Go into .cache/ and started
 * on a free loopback port with its data under .data/. The same module serves the demo, dev, `npm run db`
 * and the tests, so every path runs against the same kind of server.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { MongoClient } from "mongodb";

const execFileAsync = promisify(execFile);
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

/** Builds the FerretDB launcher once; rebuilt only when its Go source changes. */
export async function buildFerretDb(log: (line: string) => void = () => {}): Promise<string> {
  const stamp = createHash("sha256");
  for (const f of ["main.go", "go.mod", "go.sum"]) stamp.update(readFileSync(join(ferretSource, f)));
  const bin = join(cacheDir, `ferretdb-sop-${stamp.digest("hex").slice(0, 12)}`);
  if (existsSync(bin)) return bin;
  const go = findOnPath("go", process.env);
  if (!go)
    throw new Error(
      "FerretDB needs Go to build (no `go` on PATH); set MONGODB_URI or install mongod instead",
    );
  mkdirSync(cacheDir, { recursive: true });
  log("building FerretDB 1.24 (first run only, about a minute)…");
  const started = Date.now();
  const tmp = `${bin}.tmp-${process.pid}`;
  try {
    await execFileAsync(go, ["build", "-trimpath", "-o", tmp, "."], {
      cwd: ferretSource,
      env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`FerretDB build failed: ${(e.stderr ?? e.message).trim()}`);
  }
  // Rename is atomic, so concurrent first runs never start a half-written binary.
  const { renameSync } = await import("node:fs");
  renameSync(tmp, bin);
  log(`FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${bin}`);
  return bin;
}

function findOnPath(cmd: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, cmd);
    if (existsSync(candidate)) return candidate;
  }
  return null;
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

/**
 * `npm start` as a child process (node + tsx running src/main.ts), with its JSON log lines captured, for
 * the tests that must see the real start-up and shutdown: database down at start, SIGTERM under load.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../../src/db/provision.ts";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface AppProcess {
  child: ChildProcess;
  lines: LogLine[];
  /** Raw stdout/stderr that was not a JSON log line. */
  other: string[];
  waitForLog(pred: (l: LogLine) => boolean, timeoutMs?: number, what?: string): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills the process if it still runs (test clean-up). */
  kill(): Promise<void>;
}

export function startAppProcess(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "src/main.ts")], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  const other: string[] = [];
  const waiters = new Set<() => void>();
  const take = (chunk: string, rest: { buf: string }) => {
    rest.buf += chunk;
    let nl = rest.buf.indexOf("\n");
    while (nl >= 0) {
      const line = rest.buf.slice(0, nl);
      rest.buf = rest.buf.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        if (line.trim()) other.push(line);
      }
      nl = rest.buf.indexOf("\n");
    }
    for (const w of waiters) w();
  };
  const out = { buf: "" };
  const err = { buf: "" };
  child.stdout!.setEncoding("utf8").on("data", (c: string) => take(c, out));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => take(c, err));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((res) =>
    child.once("exit", (code, signal) => {
      res({ code, signal, at: Date.now() });
      for (const w of waiters) w();
    }),
  );
  const waitForLog = async (pred: (l: LogLine) => boolean, timeoutMs = 20_000, what = "log line") => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.find(pred);
      if (found) return found;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `app exited before ${what}; output:\n${[...other, ...lines.map((l) => l.msg)].join("\n")}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; log:\n${lines.map((l) => JSON.stringify(l)).join("\n")}`,
        );
      await new Promise<void>((r) => {
        const t = setTimeout(done, 100);
        function done() {
          clearTimeout(t);
          waiters.delete(done);
          r();
        }
        waiters.add(done);
      });
    }
  };
  return {
    child,
    lines,
    other,
    waitForLog,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Structured JSON logs (pino); one logger per process, children per component. */
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", name = "sop"): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}

/** A short reference for a failure: in the log line and in what the user is told, to find one from the other. */
export function newRef(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

/**
 * Logs a failure that is handled (not rethrown) exactly once, with a `ref`; returns the ref so the
 * caller can show it. `level` warn for expected trouble (Slack refusing a call), error for bugs.
 */
export function logFailure(
  log: Logger,
  err: unknown,
  msg: string,
  fields: Record<string, unknown> = {},
  level: "warn" | "error" = "error",
): string {
  const ref = newRef();
  log[level]({ ...fields, err, ref }, msg);
  return ref;
}

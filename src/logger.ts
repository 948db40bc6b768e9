/** Structured JSON logs (pino); one logger per process, children per component. */
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", name = "sop"): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}

/** A pino logger whose lines the test can read. */
import { pino } from "pino";
import type { Logger } from "../../src/logger.ts";

export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (s: string) => lines.push(JSON.parse(s)) }) as Logger;
  return { logger, lines };
}

/** Bolt's Logger interface on top of pino, so Bolt's own lines (and the Web API's 429 retries) are structured too. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../src/logger.ts";

export function boltLogger(base: Logger): BoltLogger {
  let log = base.child({ component: "bolt" });
  return {
    debug: (...msg: unknown[]) => log.debug(msg.map(String).join(" ")),
    info: (...msg: unknown[]) => log.info(msg.map(String).join(" ")),
    warn: (...msg: unknown[]) => {
      const text = msg.map(String).join(" ");
      // Each retry inside one Web API call: the caller logs the call's failure once, naming what failed.
      if (text.startsWith("http request failed")) log.debug(text);
      else log.warn(text);
    },
    error: (...msg: unknown[]) => log.error(msg.map(String).join(" ")),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (name: string) => {
      log = base.child({ component: name });
    },
  };
}

/** Start-up configuration: a missing or malformed variable stops the app with one line naming it. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../src/env.ts";

const good = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123",
  MONGODB_URI: "mongodb://127.0.0.1:1/sop",
};

describe("parseEnv", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.SLACK_API_URL).toBe("https://slack.com/api/");
    expect(env.CHART_MODE).toBe("upload");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it.each([
    [{ SLACK_BOT_TOKEN: undefined }, "SLACK_BOT_TOKEN is required"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN must be a bot token"],
    [{ SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET is required"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT must be a TCP port"],
    [{ MONGODB_URI: "postgres://x" }, "MONGODB_URI must be a mongodb://"],
    [{ SLACK_API_URL: "not a url" }, "SLACK_API_URL must be a URL"],
    [{ SLACK_APP_TOKEN: "xoxb-wrong" }, "SLACK_APP_TOKEN must be an app-level token"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ CHART_MODE: "ascii" }, "CHART_MODE"],
  ])("names the variable: %o", (patch, expected) => {
    const env = { ...good, ...patch } as Record<string, string | undefined>;
    expect(() => parseEnv(env)).toThrow(EnvError);
    expect(() => parseEnv(env)).toThrow(expected);
  });

  it("npm start stops with one clear line when a variable is missing", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: good.SLACK_SIGNING_SECRET },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("configuration error: SLACK_BOT_TOKEN is required");
  });
});

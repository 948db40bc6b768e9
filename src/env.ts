/**
 * Environment configuration: validated once at start-up; a bad value stops the app with one line naming it.
 * Two ways to hold Slack tokens: one workspace (`SLACK_BOT_TOKEN`), or distribution through OAuth
 * (`SLACK_CLIENT_ID` and its companions; each workspace's token is stored encrypted in MongoDB).
 * The signing secret verifies HTTP requests and is not used in Socket Mode (`SLACK_APP_TOKEN`).
 */
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[A-Za-z0-9-]+$/, "must be a bot token starting with xoxb-")
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's signing secret (16+ letters/digits)")
    .optional(),
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, "must be the app's client id (Basic Information), digits.digits")
    .optional(),
  SLACK_CLIENT_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's client secret (16+ letters/digits)")
    .optional(),
  SLACK_STATE_SECRET: z
    .string()
    .min(16, "must be at least 16 characters (a random string of our own)")
    .optional(),
  SLACK_TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine(isKey, "must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits")
    .optional(),
  SLACK_REDIRECT_URI: z
    .string()
    .url("must be the https URL of /slack/oauth_redirect, as in the app's OAuth settings")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]+$/, "must be an app-level token starting with xapp- (or leave it unset)")
    .optional(),
  PORT: z.coerce
    .number()
    .int("must be a whole number")
    .min(0)
    .max(65535, "must be a TCP port 0-65535")
    .default(3000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, "must be a mongodb:// or mongodb+srv:// URI")
    .optional(),
  SLACK_API_URL: z
    .string()
    .url("must be a URL such as https://slack.com/api/")
    .transform((u) => (u.endsWith("/") ? u : `${u}/`))
    .default("https://slack.com/api/"),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  CHART_MODE: z.enum(["upload", "quickchart"]).default("upload"),
  QUICKCHART_URL: z
    .string()
    .url("must be a URL such as https://quickchart.io")
    .default("https://quickchart.io"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Every variable the app reads (README "Configuration" and .env.example list each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as (keyof Env)[];

function isKey(v: string): boolean {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return true;
  return /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32;
}

/** The token-encryption key as bytes (validated by parseEnv). */
export function encryptionKey(env: Pick<Env, "SLACK_TOKEN_ENCRYPTION_KEY">): Buffer {
  const v = env.SLACK_TOKEN_ENCRYPTION_KEY ?? "";
  return Buffer.from(v, /^[0-9a-fA-F]{64}$/.test(v) ? "hex" : "base64");
}

/** OAuth distribution (many workspaces) rather than one workspace's bot token. */
export function usesOAuth(env: Pick<Env, "SLACK_CLIENT_ID">): boolean {
  return env.SLACK_CLIENT_ID !== undefined;
}

const OAUTH_VARIABLES = [
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SLACK_TOKEN_ENCRYPTION_KEY",
] as const;

/** What the variables mean together: the first problem, as [variable, detail], or null. */
function combinationProblem(env: Env): [string, string] | null {
  const oauth = OAUTH_VARIABLES.filter((k) => env[k] !== undefined);
  if (oauth.length > 0 && oauth.length < OAUTH_VARIABLES.length) {
    const missing = OAUTH_VARIABLES.find((k) => env[k] === undefined)!;
    return [missing, `is required for OAuth distribution (${oauth.join(", ")} set)`];
  }
  if (oauth.length && env.SLACK_BOT_TOKEN)
    return [
      "SLACK_BOT_TOKEN",
      "must be unset with OAuth distribution (each workspace's token comes from its install)",
    ];
  if (!oauth.length && !env.SLACK_BOT_TOKEN)
    return ["SLACK_BOT_TOKEN", "is required (or SLACK_CLIENT_ID and its companions for OAuth distribution)"];
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
    return ["SLACK_SIGNING_SECRET", "is required (only Socket Mode, SLACK_APP_TOKEN, does without it)"];
  if (env.SLACK_REDIRECT_URI && !oauth.length)
    return ["SLACK_REDIRECT_URI", "is only used with OAuth distribution (SLACK_CLIENT_ID)"];
  if (env.SLACK_REDIRECT_URI && !new URL(env.SLACK_REDIRECT_URI).pathname.endsWith("/slack/oauth_redirect"))
    return ["SLACK_REDIRECT_URI", "must end with /slack/oauth_redirect (the path the app serves)"];
  return null;
}

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`configuration error: ${variable} ${detail}`);
    this.name = "EnvError";
  }
}

/** Empty strings count as unset, as in most .env files. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (parsed.success) {
    const problem = combinationProblem(parsed.data);
    if (problem) throw new EnvError(...problem);
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  const detail =
    issue.code === "invalid_type" && cleaned[variable] === undefined ? "is required" : issue.message;
  throw new EnvError(variable, detail);
}

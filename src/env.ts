/** Environment configuration: validated once at start-up; a bad value stops the app with one line naming it. */
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, "must be a bot token starting with xoxb-"),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "must be the app's signing secret (16+ letters/digits)"),
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
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  const detail =
    issue.code === "invalid_type" && cleaned[variable] === undefined ? "is required" : issue.message;
  throw new EnvError(variable, detail);
}

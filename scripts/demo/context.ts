/** Everything a demo step needs: the running app, the Slack stand-in, the driver, the clock and the transcript. */
import { Writable } from "node:stream";
import type { RunningApp } from "../../commands/app.ts";
import type { InFlight } from "../../commands/in-flight.ts";
import { runCli } from "../../src/cli/main.ts";
import type { ManualClock } from "../../src/clock.ts";
import type { SlackDriver } from "../../test/support/slack-driver.ts";
import type { SlackStandIn } from "../../test/support/slack-standin.ts";
import type { Transcript } from "./transcript.ts";

export const TEAM = "T0SIM";

export const PEOPLE = {
  lead: { id: "U0LEAD", name: "Lena Park (S&OP lead)" },
  analyst: { id: "U0ANALYST", name: "Ana Ruiz (demand analyst)" },
  demand: { id: "U0DP", name: "Dario Rossi (demand planner)" },
  sales: { id: "U0SALES", name: "Sofia Lind (VP Sales)" },
  supply: { id: "U0SP", name: "Sam Okafor (supply planner)" },
  ops: { id: "U0OPS", name: "Omar Haddad (VP Operations)" },
  finance: { id: "U0FIN", name: "Fiona Walsh (finance)" },
  cfo: { id: "U0CFO", name: "Carl Berg (CFO)" },
  ceo: { id: "U0CEO", name: "Chloe Martin (CEO)" },
} as const;

export type Person = keyof typeof PEOPLE;

export interface DemoContext {
  app: RunningApp;
  standIn: SlackStandIn;
  driver: SlackDriver;
  clock: ManualClock;
  inFlight: InFlight;
  transcript: Transcript;
  outDir: string;
  mongoUri: string;
  /** uploaded file id → path of the PNG written into demo-out/ */
  fileLinks: Map<string, string>;
}

export function actor(p: Person) {
  return { teamId: TEAM, userId: PEOPLE[p].id };
}

/** Waits for the work the app does after ack, then pulls what it sent to Slack into the transcript. */
export async function settle(ctx: DemoContext): Promise<void> {
  await ctx.inFlight.drain(15_000);
  ctx.transcript.collect(ctx.fileLinks);
}

/** Types `/sop TEXT` as a person, in the S&OP channel. */
export async function slash(
  ctx: DemoContext,
  p: Person,
  text: string,
): Promise<{ responseId: string; triggerId: string }> {
  ctx.transcript.user(PEOPLE[p].id, "#s-and-op", `/sop ${text}`);
  const r = await ctx.driver.command(actor(p), text);
  if (r.http.status !== 200) throw new Error(`/sop ${text}: HTTP ${r.http.status}`);
  await settle(ctx);
  return r;
}

/** Runs the `sop` command line in-process, recording it like a terminal session. */
export async function cli(
  ctx: DemoContext,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(chunk.toString());
        cb();
      },
    });
  const prev = process.env.MONGODB_URI;
  process.env.MONGODB_URI = ctx.mongoUri;
  const code = await runCli(args, {
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
  });
  process.env.MONGODB_URI = prev;
  ctx.transcript.terminal(
    `sop ${args.join(" ")}`,
    `${stdout}${stderr}${code === 0 ? "" : `(exit ${code})\n`}`,
  );
  return { code, stdout, stderr };
}

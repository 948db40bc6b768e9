/** Everything a demo step needs: the running app, the Slack stand-in, the driver, the clock and the transcript. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { WebClient } from "@slack/web-api";
import type { RunningApp } from "../../commands/app.ts";
import type { AppDeps } from "../../commands/deps.ts";
import type { InFlight } from "../../commands/in-flight.ts";
import { jobDefinitions } from "../../jobs/index.ts";
import { runCli } from "../../src/cli/main.ts";
import type { ManualClock } from "../../src/clock.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import type { SlackDriver } from "../../test/support/slack-driver.ts";
import type { OpenedView, PostedMessage, SlackStandIn } from "../../test/support/slack-standin.ts";
import { pdfPreviewPath } from "./page-html.ts";
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
  deps: AppDeps;
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
  saveUploads(ctx);
  ctx.transcript.collect(ctx.fileLinks);
}

/** A PDF's first page as a PNG beside it (pdftoppm), for the page's file card. */
export function renderPdfPreview(pdf: string): void {
  const out = pdfPreviewPath(pdf).replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, out]);
}

/** Writes every file the app uploaded (chart PNGs, the gap report CSV) into demo-out/, once. */
function saveUploads(ctx: DemoContext): void {
  for (const f of ctx.standIn.files.values()) {
    if (ctx.fileLinks.has(f.id) || f.bytes.length === 0) continue;
    const name = `${f.id.toLowerCase()}-${f.filename.replace(/[^\w.-]+/g, "_")}`;
    writeFileSync(join(ctx.outDir, name), f.bytes);
    if (/\.pdf$/i.test(name)) renderPdfPreview(join(ctx.outDir, name));
    ctx.fileLinks.set(f.id, name);
  }
}

/**
 * Runs the scheduler as the cron would at `when` (the clock moves there first): all jobs due then, or
 * only the named ones.
 */
export async function tick(ctx: DemoContext, when: string, only?: string[]): Promise<void> {
  ctx.clock.set(when);
  const client = ctx.app.app.client as unknown as WebClient;
  const jobs = jobDefinitions(client, ctx.deps).filter((j) => !only || only.includes(j.name));
  const scheduler = new Scheduler({
    jobs,
    clock: ctx.clock,
    logger: ctx.deps.logger.child({ component: "scheduler" }),
  });
  const outcomes = await scheduler.tick(ctx.clock.now());
  const ran = outcomes.map((o) => JSON.stringify(o)).join("\n");
  ctx.transcript.entries.push({
    kind: "terminal",
    command: `(scheduler tick at ${when})`,
    output: ran || "nothing due",
  });
  await settle(ctx);
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
  opts: { record?: boolean } = {},
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
  // Assigning undefined would store the string "undefined".
  if (prev === undefined) delete process.env.MONGODB_URI;
  else process.env.MONGODB_URI = prev;
  if (opts.record !== false) {
    ctx.transcript.terminal(
      `sop ${args.join(" ")}`,
      `${stdout}${stderr}${code === 0 ? "" : `(exit ${code})\n`}`,
    );
  }
  return { code, stdout, stderr };
}

/** Runs `/sop TEXT` expected to open a modal; returns the opened view as the stand-in holds it. */
export async function openModal(ctx: DemoContext, p: Person, text: string): Promise<OpenedView> {
  const before = ctx.standIn.views.size;
  await slash(ctx, p, text);
  return ctx.standIn.waitFor(
    () => (ctx.standIn.views.size > before ? ctx.standIn.lastViewFor(PEOPLE[p].id) : undefined),
    5000,
    `a modal for ${PEOPLE[p].name}`,
  );
}

type ViewValues = Record<string, Record<string, Record<string, unknown>>>;

/** Submits a modal as a person; records what they did; returns the HTTP ack body (null = closed). */
export async function submitModal(
  ctx: DemoContext,
  p: Person,
  opened: OpenedView,
  values: ViewValues,
  said: string,
) {
  const title = String((opened.view.title as { text?: string } | undefined)?.text ?? "modal");
  ctx.transcript.user(PEOPLE[p].id, `modal “${title}”`, said);
  const { http } = await ctx.driver.submitView(actor(p), { ...opened.view, id: opened.id }, values as never);
  if (http.status !== 200) throw new Error(`view submission: HTTP ${http.status}`);
  if (http.json?.response_action === "errors") {
    const errors = Object.values((http.json.errors as Record<string, string>) ?? {}).join("\n");
    ctx.transcript.entries.push({
      kind: "bot",
      where: `modal “${title}” (shown in the modal)`,
      text: `:warning: ${errors}`,
    });
  }
  await settle(ctx);
  return http.json;
}

/** Clicks a button in a message the bot posted; records the click. */
export async function click(
  ctx: DemoContext,
  p: Person,
  message: PostedMessage,
  actionId: string,
  label: string,
) {
  const where = message.channel.startsWith("D") ? "DM with sop bot" : ctx.transcript.where(message.channel);
  ctx.transcript.user(PEOPLE[p].id, where, `clicks [${label}]`);
  const { http } = await ctx.driver.clickInMessage(actor(p), message, actionId);
  if (http.status !== 200) throw new Error(`click ${actionId}: HTTP ${http.status}`);
  await settle(ctx);
}

/** The latest message in a channel (or a person's DM) whose blocks contain `needle`. */
export function findMessage(ctx: DemoContext, channel: string, needle: string): PostedMessage {
  const m = ctx.standIn
    .messagesIn(channel)
    .filter((x) => JSON.stringify(x.blocks ?? x.text ?? "").includes(needle))
    .at(-1);
  if (!m) throw new Error(`no message containing ${JSON.stringify(needle)} in ${channel}`);
  return m;
}

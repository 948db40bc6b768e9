/**
 * The demo's S&OP report scenes: the supply plan's maintenance cap and its overtime alternative, an
 * action item logged at pre-S&OP and closed by its owner, a decision logged from the report's summary
 * with the message shortcut, the executive approval of one scenario, and the report on the command line
 * (its PDF and workbook written into demo-out/).
 */
import { relative } from "node:path";
import { repoRoot } from "../../src/db/provision.ts";
import { itemFormValues } from "../../test/support/item-form.ts";
import { findElement } from "../../test/support/slack-driver.ts";
import type { PostedMessage } from "../../test/support/slack-standin.ts";
import { APPROVE_ACTION_IDS, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import { ITEM_IDS } from "../../views/item-ids.ts";
import {
  actor,
  cli,
  click,
  type DemoContext,
  findMessage,
  openModal,
  PEOPLE,
  type Person,
  settle,
  submitModal,
  TEAM,
} from "./context.ts";

/** Line 2's maintenance: the months it caps one family, at this share of its demand. */
export const MAINTENANCE = { months: ["2027-02", "2027-03"], share: 0.3 };

export function scenarioValue(name: string) {
  return {
    [SUBMIT_INPUTS.scenario.block]: {
      [SUBMIT_INPUTS.scenario.action]: { type: "plain_text_input", value: name },
    },
  };
}

/** `/sop action @owner DATE text` → the filled form → Log. */
export async function logActionItem(
  ctx: DemoContext,
  by: Person,
  owner: Person,
  due: string,
  text: string,
  phase: string,
): Promise<void> {
  const modal = await openModal(ctx, by, `action <@${PEOPLE[owner].id}> ${due} ${text}`);
  const ack = await submitModal(
    ctx,
    by,
    modal,
    itemFormValues({ text, owner: PEOPLE[owner].id, due, phase }),
    "checks the filled-in form, clicks [Log]",
  );
  if (ack !== null) throw new Error(`the action item was not logged: ${JSON.stringify(ack)}`);
}

/** The owner closes the action item from the bot's DM. */
export async function closeActionItem(ctx: DemoContext, owner: Person, text: string): Promise<void> {
  const dm = findMessage(ctx, ctx.standIn.dmOf(PEOPLE[owner].id), text);
  await click(ctx, owner, dm, ITEM_IDS.close, "Close action item");
}

/** "Log as S&OP decision / action" on a message, then the form as a decision. */
export async function logDecisionFrom(
  ctx: DemoContext,
  by: Person,
  message: PostedMessage,
  text: string,
  phase: string,
): Promise<void> {
  const where = ctx.transcript.where(message.channel);
  ctx.transcript.user(
    PEOPLE[by].id,
    where,
    "on the S&OP report's message: More actions → “Log as S&OP decision / action”",
  );
  const before = ctx.standIn.views.size;
  const r = await ctx.driver.messageShortcut(actor(by), ITEM_IDS.shortcut, {
    channel: message.channel,
    ts: message.ts,
    text: message.text ?? "",
    user: "U0BOT",
  });
  if (r.http.status !== 200) throw new Error(`message shortcut: HTTP ${r.http.status}`);
  await settle(ctx);
  const modal = await ctx.standIn.waitFor(
    () => ctx.standIn.views.size > before && ctx.standIn.lastViewFor(PEOPLE[by].id),
    5000,
    "the log form",
  );
  const ack = await submitModal(
    ctx,
    by,
    modal,
    itemFormValues({ text, phase, kind: "decision" }),
    `chooses “Decision”, writes “${text}”, clicks [Log]`,
  );
  if (ack !== null) throw new Error(`the decision was not logged: ${JSON.stringify(ack)}`);
}

/** The executive approver clicks "Approve SCENARIO" on the executive sign-off request. */
export async function approveScenario(
  ctx: DemoContext,
  approver: Person,
  phaseName: string,
  version: number,
  scenario: string,
): Promise<void> {
  const request = findMessage(ctx, "C0SOP", `Sign-off: ${phaseName} v${version} `);
  const label = `Approve ${scenario}`;
  const id = APPROVE_ACTION_IDS.find(
    (a) =>
      (findElement(request.blocks ?? [], a)?.element.text as { text?: string } | undefined)?.text === label,
  );
  if (!id) throw new Error(`no "${label}" button on the ${phaseName} sign-off request`);
  await click(ctx, approver, request, id, label);
}

/** The latest S&OP report summary the bot posted to the exec channel. */
export function reportSummary(ctx: DemoContext): PostedMessage {
  return findMessage(ctx, "C0EXEC", "S&OP report ");
}

/** `sop report` on the command line, writing the PDF and the workbook into demo-out/. */
export async function reportOnCommandLine(ctx: DemoContext, period: string): Promise<void> {
  const dir = relative(repoRoot, ctx.outDir);
  const r = await cli(ctx, [
    "report",
    "--team",
    TEAM,
    "--period",
    period,
    "--pdf",
    `${dir}/sop-report-${period}.pdf`,
    "--xlsx",
    `${dir}/sop-report-${period}.xlsx`,
  ]);
  if (r.code !== 0) throw new Error(`sop report failed: ${r.stderr}`);
}

/** Shared steps for the cycle tests: configure the example team, drive modals, read the database. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { decidePhase } from "../../src/cycle/decide.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { CycleModel } from "../../src/db/models/cycle.ts";
import { CycleEventModel } from "../../src/db/models/cycle-event.ts";
import { PlanVersionModel } from "../../src/db/models/plan-version.ts";
import { SignoffMessageModel } from "../../src/db/models/signoff-message.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import type { Harness } from "../support/harness.ts";
import type { Actor } from "../support/slack-driver.ts";
import type { OpenedView, PostedMessage } from "../support/slack-standin.ts";

export const TEAM = "T0SIM";
export const as = (userId: string, teamId = TEAM): Actor => ({ teamId, userId });
export const LEAD = as("U0LEAD");

export function exampleTeam(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const cfg = JSON.parse(readFileSync(new URL("../../examples/team.json", import.meta.url), "utf8"));
  return { ...cfg, ...overrides };
}

export async function configureTeam(overrides: Record<string, unknown> = {}): Promise<void> {
  await saveTeamConfig(exampleTeam(overrides), "test", new Date());
}

/** Everything the cycle engine stores for a team, for "unchanged" comparisons. */
export async function dbState(teamId = TEAM) {
  const re = new RegExp(`^${teamId}\\|`);
  const [cycles, events, plans, signoffs] = await Promise.all([
    CycleModel.find({ _id: re }).lean(),
    CycleEventModel.find({ _id: re }, { _id: 1 }).lean(),
    PlanVersionModel.find({ _id: re }, { _id: 1, token: 1 }).lean(),
    SignoffMessageModel.find({ _id: re }).lean(),
  ]);
  const sort = <T extends { _id: string }>(xs: T[]) => [...xs].sort((a, b) => a._id.localeCompare(b._id));
  return { cycles: sort(cycles), events: sort(events), plans: sort(plans), signoffs: sort(signoffs) };
}

export async function eventCount(teamId: string, period: string): Promise<number> {
  return CycleEventModel.countDocuments({ teamId, period });
}

/** Runs a command and returns its (first) ephemeral reply. */
export async function command(h: Harness, actor: Actor, text: string) {
  const { http, responseId } = await h.driver.command(actor, text);
  expect(http.status).toBe(200);
  const reply = await h.driver.reply(responseId);
  await h.settle();
  return reply;
}

/** Runs a command expected to open a modal; returns the opened view. */
export async function openModal(h: Harness, actor: Actor, text: string): Promise<OpenedView> {
  const before = h.standIn.views.size;
  const { http } = await h.driver.command(actor, text);
  expect(http.status).toBe(200);
  return h.standIn.waitFor(
    () => (h.standIn.views.size > before ? h.standIn.lastViewFor(actor.userId) : undefined),
    5000,
    `a modal for ${actor.userId}`,
  );
}

export function pasteValues(
  csv: string,
  comment = "",
): Record<string, Record<string, Record<string, unknown>>> {
  return {
    [SUBMIT_INPUTS.csv.block]: { [SUBMIT_INPUTS.csv.action]: { type: "plain_text_input", value: csv } },
    [SUBMIT_INPUTS.file.block]: { [SUBMIT_INPUTS.file.action]: { type: "file_input", files: [] } },
    [SUBMIT_INPUTS.comment.block]: {
      [SUBMIT_INPUTS.comment.action]: { type: "plain_text_input", value: comment },
    },
  };
}

export function fileValues(fileId: string): Record<string, Record<string, Record<string, unknown>>> {
  return {
    [SUBMIT_INPUTS.csv.block]: { [SUBMIT_INPUTS.csv.action]: { type: "plain_text_input", value: null } },
    [SUBMIT_INPUTS.file.block]: {
      [SUBMIT_INPUTS.file.action]: { type: "file_input", files: [{ id: fileId, name: "plan.csv" }] },
    },
    [SUBMIT_INPUTS.comment.block]: {
      [SUBMIT_INPUTS.comment.action]: { type: "plain_text_input", value: null },
    },
  };
}

/** Submits an opened modal; returns the HTTP ack body (null = closed). */
export async function submitModal(
  h: Harness,
  actor: Actor,
  opened: OpenedView,
  values: Record<string, Record<string, Record<string, unknown>>>,
) {
  const { http } = await h.driver.submitView(actor, { ...opened.view, id: opened.id }, values as never);
  expect(http.status).toBe(200);
  await h.settle();
  return http.json;
}

/** The sign-off request for `phaseName` v`version` in the S&OP channel. */
export function signoffMessage(
  h: Harness,
  phaseName: string,
  version: number,
  channel = "C0SOP",
): PostedMessage {
  const m = h.standIn
    .messagesIn(channel)
    .find((x) => JSON.stringify(x.blocks ?? []).includes(`Sign-off: ${phaseName} v${version} `));
  if (!m) throw new Error(`no sign-off message for ${phaseName} v${version}`);
  return m;
}

/** Clicks a button of a posted message and returns the ephemeral reply. */
export async function clickButton(
  h: Harness,
  actor: Actor,
  message: PostedMessage,
  actionId: string,
  opts = {},
) {
  const { http, responseId } = await h.driver.clickInMessage(actor, message, actionId, opts);
  expect(http.status).toBe(200);
  await h.settle();
  const replies = h.standIn.responsesTo(responseId);
  return replies[0]?.body;
}

export function dmsTo(h: Harness, userId: string): PostedMessage[] {
  return h.standIn.messagesIn(`D${userId}`);
}

export const textOf = (x: unknown) => JSON.stringify(x ?? null);

/** A plan CSV for every family × month of the horizon. */
export function planCsv(opts: {
  families: number;
  months?: number;
  revenue?: boolean;
  capacity?: boolean;
  start?: string;
}): string {
  const months = opts.months ?? 18;
  const [y, m] = (opts.start ?? "2027-01").split("-").map(Number) as [number, number];
  const cols = [
    "family",
    "period",
    "quantity",
    ...(opts.revenue ? ["revenue"] : []),
    ...(opts.capacity ? ["capacity"] : []),
  ];
  const lines = [cols.join(",")];
  for (let f = 0; f < opts.families; f++) {
    for (let i = 0; i < months; i++) {
      const idx = y * 12 + (m - 1) + i;
      const period = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
      const q = 100 + ((f * 7 + i * 3) % 50);
      const row = [`FAM-${String(f).padStart(4, "0")}`, period, String(q)];
      if (opts.revenue) row.push(String(q * 12.5));
      if (opts.capacity) row.push(String(q + 20));
      lines.push(row.join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The `errors` of a view_submission ack (`response_action: "errors"`), or {} when it closed. */
export function modalErrors(ack: Record<string, unknown> | null): Record<string, string> {
  return ack?.response_action === "errors" ? ((ack.errors ?? {}) as Record<string, string>) : {};
}

/**
 * Through the engine: 2027-01's data phase submitted by its owner (v1) and approved by the lead — the
 * state most cycle tests start from.
 */
export async function approveDataPhase(
  csv: string,
  submittedAt: Date,
  approvedAt = submittedAt,
  teamId = TEAM,
) {
  const period = "2027-01";
  await submitPlan({ teamId, period, phase: "data", by: "U0ANALYST", at: submittedAt, csv, source: "cli" });
  await decidePhase({
    teamId,
    period,
    phase: "data",
    version: 1,
    by: "U0LEAD",
    at: approvedAt,
    decision: "approve",
  });
}

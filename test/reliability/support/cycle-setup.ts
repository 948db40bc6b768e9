/**
 * A team in the middle of a cycle, driven through the real app: examples/team.json saved, the 2027-01
 * cycle started by the lead, and the data phase submitted by its owner, so a sign-off request with real
 * Approve / Request changes buttons waits in the S&OP channel. Reliability tests aim their faults and
 * hostile payloads at this state.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../../src/db/provision.ts";
import { saveTeamConfig } from "../../../src/team/team-config-store.ts";
import { CYCLE_ACTIONS, SUBMIT_INPUTS } from "../../../views/cycle-ids.ts";
import type { Harness } from "../../support/harness.ts";
import { type Actor, findElement } from "../../support/slack-driver.ts";
import type { OpenedView, PostedMessage } from "../../support/slack-standin.ts";

export const TEAM = "T0SIM";
export const PERIOD = "2027-01";
export const as = (userId: string, teamId = TEAM): Actor => ({ teamId, userId });
export const LEAD = as("U0LEAD");
export const ANALYST = as("U0ANALYST");
/** Everyone in examples/team.json who has no right to change anything while data v1 awaits sign-off. */
export const BYSTANDERS = ["U0DP", "U0SALES", "U0SP", "U0OPS", "U0FIN", "U0CFO", "U0CEO"];

export function exampleTeam(teamId = TEAM): Record<string, unknown> {
  const cfg = JSON.parse(readFileSync(join(repoRoot, "examples/team.json"), "utf8")) as Record<
    string,
    unknown
  >;
  return { ...cfg, team: teamId };
}

/** A valid plan: `families` families × 18 months from `start` (YYYY-MM). */
export function planCsv(families = 3, start = PERIOD): string {
  const [y0, m0] = start.split("-").map(Number) as [number, number];
  const lines = ["family,period,quantity"];
  for (let f = 0; f < families; f++) {
    for (let i = 0; i < 18; i++) {
      const idx = y0 * 12 + (m0 - 1) + i;
      lines.push(
        `FAM-${f},${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")},${100 + f + i}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export function pasteValues(csv: string | null, comment: string | null = "") {
  return {
    [SUBMIT_INPUTS.csv.block]: { [SUBMIT_INPUTS.csv.action]: { type: "plain_text_input", value: csv } },
    [SUBMIT_INPUTS.file.block]: { [SUBMIT_INPUTS.file.action]: { type: "file_input", files: [] } },
    [SUBMIT_INPUTS.comment.block]: {
      [SUBMIT_INPUTS.comment.action]: { type: "plain_text_input", value: comment },
    },
  };
}

/** Runs `/sop TEXT` and returns its first response_url post. */
export async function command(h: Harness, actor: Actor, text: string, timeoutMs = 5000) {
  const { http, responseId } = await h.driver.command(actor, text);
  if (http.status !== 200) throw new Error(`/sop ${text}: HTTP ${http.status}`);
  const reply = await h.driver.reply(responseId, 1, timeoutMs);
  await h.settle();
  return reply;
}

/** Runs a command that opens a modal; returns the view the stand-in opened. */
export async function openModal(h: Harness, actor: Actor, text: string): Promise<OpenedView> {
  const before = h.standIn.views.size;
  await h.driver.command(actor, text);
  return h.standIn.waitFor(
    () => (h.standIn.views.size > before ? h.standIn.lastViewFor(actor.userId) : undefined),
    5000,
    `a modal for ${actor.userId}`,
  );
}

/** The sign-off request with an Approve button for `phaseName` in the S&OP channel (latest first). */
export function signoffRequest(h: Harness, phaseName: string, version: number): PostedMessage {
  const m = h.standIn
    .messagesIn("C0SOP")
    .filter((x) => JSON.stringify(x.blocks ?? []).includes(`${phaseName} v${version}`))
    .find((x) => findElement(x.blocks ?? [], CYCLE_ACTIONS.approve));
  if (!m) throw new Error(`no sign-off request for ${phaseName} v${version}`);
  return m;
}

export interface CycleInFlight {
  /** The sign-off request for data v1 (Approve / Request changes). */
  request: PostedMessage;
  /** The Approve button's value (a real decision reference). */
  approveValue: string;
  /** The submit modal as opened for the analyst (its private_metadata is real). */
  submitModal: OpenedView;
}

/** Configures the team, starts the cycle and submits the data phase, all through the app. */
export async function cycleAwaitingSignoff(h: Harness, teamId = TEAM): Promise<CycleInFlight> {
  await saveTeamConfig(exampleTeam(teamId), "reliability-test", h.clock.now());
  const started = await command(h, as("U0LEAD", teamId), `start ${PERIOD}`);
  if (!JSON.stringify(started).includes("Started the"))
    throw new Error(`start failed: ${JSON.stringify(started)}`);
  const submitModal = await openModal(h, as("U0ANALYST", teamId), "submit data");
  const { http } = await h.driver.submitView(
    as("U0ANALYST", teamId),
    { ...submitModal.view, id: submitModal.id },
    pasteValues(planCsv(), "first cut") as never,
  );
  if (http.status !== 200 || http.body !== "") throw new Error(`submit failed: ${http.body}`);
  await h.settle();
  // A copy as it was posted: chat.update later changes the stand-in's record, a stale client keeps this.
  const request = structuredClone(signoffRequest(h, "Data gathering & statistical forecast", 1));
  const approveValue = String(findElement(request.blocks ?? [], CYCLE_ACTIONS.approve)!.element.value);
  return { request, approveValue, submitModal };
}

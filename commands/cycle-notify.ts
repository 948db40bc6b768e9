/**
 * Slack output after a cycle transition: the sign-off request, its update once decided, DMs to owners and
 * approvers, the close message. The transition is already committed when these run, so each output is
 * best effort: a failure is logged and reported to the actor, and never undoes or repeats the transition.
 */

import type { WebClient } from "@slack/web-api";
import type { CycleState, PhaseState } from "../src/cycle/cycle-state.ts";
import type { DecideResult } from "../src/cycle/decide.ts";
import { phaseRoles } from "../src/cycle/roles.ts";
import { scenarioChoices, versionScenario } from "../src/cycle/scenarios.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import { loadPlanMeta } from "../src/store/plan-versions.ts";
import { recordSignoffMessage, signoffMessageOf } from "../src/store/signoff-messages.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import type { Message } from "../views/message.ts";
import {
  cycleClosedMessage,
  decisionDm,
  phaseOpenedDm,
  phaseOpenedNote,
  signoffNeededDm,
} from "../views/phase-dm.ts";
import { type SignoffRequest, signoffRequestMessage } from "../views/signoff-request.ts";
import { attachGapReport, isGapReportPhase, postGapReport, signoffExtras } from "./forecast-phase-notify.ts";

/** Collects what could not be delivered, to tell the actor in one line. */
export class Deliveries {
  readonly failed: string[] = [];
  constructor(readonly log: Logger) {}

  async try<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
      const ref = logFailure(
        this.log,
        err,
        "slack output failed after a committed transition",
        { what, code },
        "warn",
      );
      this.failed.push(`${what} (${code}, ref ${ref})`);
      return null;
    }
  }

  /** "" when everything went out; else a sentence for the actor. */
  note(): string {
    return this.failed.length
      ? `\n:warning: The change is saved, but some Slack messages could not be sent: ${this.failed.join("; ")}.`
      : "";
  }
}

export async function dm(
  client: WebClient,
  d: Deliveries,
  userIds: string[],
  message: Message,
): Promise<void> {
  for (const user of [...new Set(userIds)]) {
    // Posting to a user id delivers to the app's DM with that user.
    await d.try(`DM to <@${user}>`, () => client.chat.postMessage({ channel: user, ...message }));
  }
}

export async function post(
  client: WebClient,
  d: Deliveries,
  what: string,
  channel: string,
  message: Message,
): Promise<{ channel: string; ts: string } | null> {
  const res = await d.try(what, () => client.chat.postMessage({ channel, ...message }));
  return res?.ts ? { channel: String(res.channel ?? channel), ts: res.ts } : null;
}

async function signoffContent(
  cfg: TeamConfig | null,
  cycle: CycleState,
  phase: PhaseState,
  version: number,
  log: Logger,
): Promise<SignoffRequest | null> {
  const meta = await loadPlanMeta(cycle.teamId, cycle.period, phase.id, version);
  if (!meta) return null;
  return {
    period: cycle.period,
    timezone: cycle.timezone,
    phase: phase.id,
    phaseName: phase.name,
    version,
    submittedBy: meta.submittedBy,
    submittedAt: meta.submittedAt,
    comment: meta.comment,
    approvers: phaseRoles(cfg, cycle, phase.id).approvers,
    dueAt: phase.dueAt,
    summary: meta.summary,
    currency: cfg?.currency ?? null,
    source: meta.source,
    fileName: meta.fileName,
    scenario: versionScenario(cycle, phase.id, version),
    chooseFrom: scenarioChoices(cycle, phase),
    // Extras are optional: a failure there must never keep the request itself from going out.
    extraBlocks: await signoffExtras(cfg, cycle, phase.id, version, log).catch((err) => {
      logFailure(log, err, "sign-off extras failed; the request goes out without them", { phase: phase.id });
      return [];
    }),
  };
}

/** Posts the sign-off request for a just-submitted version, remembers where, and tells the approvers. */
export async function announceSubmission(
  client: WebClient,
  d: Deliveries,
  cfg: TeamConfig,
  cycle: CycleState,
  phase: PhaseState,
  version: number,
  at: Date,
): Promise<{ channel: string; ts: string } | null> {
  const content = await signoffContent(cfg, cycle, phase, version, d.log);
  if (!content) throw new Error(`plan version ${version} of ${phase.id} not found after submit`);
  const where = await post(
    client,
    d,
    "the sign-off request",
    cfg.channels.sop,
    signoffRequestMessage(content),
  );
  if (where) await recordSignoffMessage(cycle.teamId, cycle.period, phase.id, version, where, at);
  if (where && isGapReportPhase(phase))
    await d.try("the gap report file", () => attachGapReport(client, cfg, cycle, where));
  const link = where
    ? await d.try("a link to the request", async () => {
        const r = await client.chat.getPermalink({ channel: where.channel, message_ts: where.ts });
        return r.permalink ?? null;
      })
    : null;
  await dm(
    client,
    d,
    content.approvers,
    signoffNeededDm(cycle, phase, { version, submittedBy: content.submittedBy, permalink: link ?? null }),
  );
  return where;
}

/** After an approval or a change request: update the request message, tell the owners, open the next phase. */
export async function announceDecision(
  client: WebClient,
  d: Deliveries,
  r: DecideResult,
  fallbackMessage: { channel: string; ts: string } | null,
): Promise<void> {
  const { cfg, cycle, phase, event } = r;
  const version = event.version!;
  const content = await signoffContent(cfg, cycle, phase, version, d.log);
  const where = (await signoffMessageOf(cycle.teamId, cycle.period, phase.id, version)) ?? fallbackMessage;
  if (content && where) {
    const decided = signoffRequestMessage({
      ...content,
      decision: {
        action: event.action as "approve" | "request_changes",
        by: event.by,
        at: event.at,
        comment: event.comment,
        scenario: event.scenario ?? null,
      },
    });
    await d.try("the update of the sign-off request", () =>
      client.chat.update({ channel: where.channel, ts: where.ts, ...decided }),
    );
  }
  const owners = phaseRoles(cfg, cycle, phase.id).owners;
  const submitter = content?.submittedBy;
  await dm(
    client,
    d,
    submitter ? [submitter, ...owners] : owners,
    decisionDm(cycle, phase, {
      action: event.action as "approve" | "request_changes",
      by: event.by,
      at: event.at,
      version,
      comment: event.comment,
    }),
  );
  if (r.opened) {
    if (isGapReportPhase(r.opened)) await d.try("the gap report", () => postGapReport(client, cfg, cycle));
    const nextOwners = phaseRoles(cfg, cycle, r.opened.id).owners;
    await dm(client, d, nextOwners, phaseOpenedDm(cycle, r.opened, phase));
    await post(
      client,
      d,
      "the phase-opened note",
      cfg.channels.sop,
      phaseOpenedNote(cycle, r.opened, nextOwners),
    );
  }
  if (r.closed)
    await post(client, d, "the cycle-closed message", cfg.channels.sop, cycleClosedMessage(cycle, event.by));
}

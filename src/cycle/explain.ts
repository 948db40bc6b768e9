/**
 * Why an action cannot be done now, in words for the person who tried. Shared by every entry point
 * (slash command, button, modal, CLI) so they all say the same thing.
 */
import { UserError } from "../errors.ts";
import type { TeamConfig } from "../team/team-config.ts";
import type { CycleState, PhaseState } from "./cycle-state.ts";
import { formatWhen, mention, mentionAll } from "./people.ts";
import { phaseRoles } from "./roles.ts";

export function noCycle(period: string): UserError {
  return new UserError("not_found", `There is no S&OP cycle for ${period} yet.`, [], {
    step: "start",
    period,
  });
}

export function unknownPhase(cycle: CycleState, phase: string): UserError {
  return new UserError(
    "bad_input",
    `Unknown phase "${phase.slice(0, 30)}". The phases of ${cycle.period} are: ${cycle.order.join(", ")}.`,
  );
}

function previousPhase(cycle: CycleState, phaseId: string): PhaseState | null {
  const i = cycle.order.indexOf(phaseId);
  return i > 0 ? cycle.phases[cycle.order[i - 1]!]! : null;
}

/** The owner tried to submit but the phase does not take submissions now. */
export function cannotSubmit(cycle: CycleState, phase: PhaseState): UserError {
  const tz = cycle.timezone;
  switch (phase.status) {
    case "not_started": {
      const prev = previousPhase(cycle, phase.id);
      return new UserError(
        "conflict",
        `${phase.name} is not open yet: it opens when ${prev ? prev.name : "the previous phase"} is approved.`,
      );
    }
    case "submitted":
      return new UserError(
        "conflict",
        `${phase.name} v${phase.version} is waiting for sign-off; a new version can be submitted after changes are requested.`,
      );
    case "approved":
      return new UserError(
        "conflict",
        `${phase.name} v${phase.approvedVersion} was approved${phase.decidedBy ? ` by ${mention(phase.decidedBy)}` : ""}${phase.decidedAt ? ` on ${formatWhen(phase.decidedAt, tz)}` : ""}; an approved plan is final.`,
      );
    default:
      return new UserError("conflict", `${phase.name} does not take submissions right now.`);
  }
}

/** The modal was opened on version `expected` but someone submitted since. */
export function submittedMeanwhile(
  cycle: Pick<CycleState, "teamId" | "period">,
  phase: PhaseState,
  expected: number,
): UserError {
  return new UserError(
    "stale",
    `While you were editing, ${phase.submittedBy ? mention(phase.submittedBy) : "someone"} submitted v${phase.version} of ${phase.name} (you started from v${expected}). Nothing was stored.`,
    [],
    { step: "reopen-submit", teamId: cycle.teamId, period: cycle.period, phaseId: phase.id },
  );
}

/** An approver clicked on a request that is no longer waiting for them. */
export function staleDecision(cycle: CycleState, phase: PhaseState, version: number): UserError {
  const tz = cycle.timezone;
  const who = phase.decidedBy ? mention(phase.decidedBy) : "someone";
  const when = phase.decidedAt ? ` on ${formatWhen(phase.decidedAt, tz)}` : "";
  if (phase.version > version) {
    return new UserError(
      "stale",
      `This sign-off request is for v${version} of ${phase.name}, but v${phase.version} has been submitted since. Nothing changed; use the newest request.`,
    );
  }
  switch (phase.status) {
    case "approved":
      return new UserError(
        "stale",
        `${phase.name} v${phase.version} was already approved by ${who}${when}. Nothing changed.`,
      );
    case "changes_requested":
      return new UserError(
        "stale",
        `Changes to ${phase.name} v${phase.version} were already requested by ${who}${when}. Nothing changed.`,
      );
    default:
      return new UserError(
        "stale",
        `${phase.name} is not waiting for sign-off (it is ${phase.status.replace("_", " ")}). Nothing changed.`,
      );
  }
}

export function notOwner(cfg: TeamConfig | null, cycle: CycleState, phase: PhaseState): UserError {
  const { owners } = phaseRoles(cfg, cycle, phase.id);
  return new UserError(
    "not_authorized",
    `Only the owners of ${phase.name} (${mentionAll(owners)}) can submit its plan. Nothing changed.`,
  );
}

export function notApprover(cfg: TeamConfig | null, cycle: CycleState, phase: PhaseState): UserError {
  const { approvers } = phaseRoles(cfg, cycle, phase.id);
  return new UserError(
    "not_authorized",
    `Only the approvers of ${phase.name} (${mentionAll(approvers)}) can sign it off. Nothing changed.`,
  );
}

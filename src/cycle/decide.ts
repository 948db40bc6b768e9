/** Approvers approve a submitted version or request changes (with a comment); stale clicks change nothing. */
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { roleOf } from "../team/phase-role.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { requireTeamConfig } from "../team/team-config-store.ts";
import { type CycleEvent, type CycleState, type PhaseState, planTransition } from "./cycle-state.ts";
import { commitEvent, getCycle } from "./cycle-store.ts";
import { noCycle, notApprover, staleDecision, unknownPhase } from "./explain.ts";
import { isApprover } from "./roles.ts";
import { cycleScenarioNames } from "./scenarios.ts";

export type Decision = "approve" | "request_changes";
export const MAX_DECISION_COMMENT = 2000;

export interface DecisionTarget {
  cfg: TeamConfig;
  cycle: CycleState;
  phase: PhaseState;
}

/** May `userId` decide on version `version` of the phase now? Throws a UserError saying why not. */
export async function checkDecision(
  teamId: string,
  period: string,
  phaseId: string,
  version: number,
  userId: string,
): Promise<DecisionTarget> {
  const [cfg, cycle] = await Promise.all([requireTeamConfig(teamId), getCycle(teamId, period)]);
  if (!cycle) throw noCycle(period);
  const phase = cycle.phases[phaseId];
  if (!phase) throw unknownPhase(cycle, phaseId);
  if (!isApprover(cfg, cycle, phaseId, userId)) throw notApprover(cfg, cycle, phase);
  if (phase.status !== "submitted" || phase.version !== version) throw staleDecision(cycle, phase, version);
  return { cfg, cycle, phase };
}

export interface DecideInput {
  teamId: string;
  period: string;
  phase: string;
  version: number;
  by: string;
  at: Date;
  decision: Decision;
  comment?: string | null;
  /** Approving the executive phase: the scenario that becomes the published plan. */
  scenario?: string | null;
}

/**
 * The scenario an approval chooses: on the executive phase, one of the cycle's approved scenarios (named
 * when there are several); elsewhere none.
 */
export function chosenByApproval(
  cycle: CycleState,
  phase: PhaseState,
  wanted: string | null | undefined,
): string | null {
  const names = roleOf(phase) === "exec" ? cycleScenarioNames(cycle, { approvedOnly: true }) : [];
  if (names.length === 0) {
    if (wanted)
      throw new UserError("bad_input", `${phase.name} does not choose a scenario. Nothing changed.`);
    return null;
  }
  if (wanted && names.includes(wanted)) return wanted;
  if (!wanted && names.length === 1) return names[0]!;
  throw new UserError(
    "bad_input",
    wanted
      ? `"${wanted.slice(0, 40)}" is not a scenario of the ${cycle.period} cycle (${names.join(", ")}). Nothing changed.`
      : `Approving ${phase.name} chooses the plan to publish: use one of the buttons ${names.map((n) => `"Approve ${n}"`).join(", ")} on the sign-off request. Nothing changed.`,
  );
}

export interface DecideResult {
  cfg: TeamConfig;
  cycle: CycleState;
  phase: PhaseState;
  event: CycleEvent;
  /** The phase this approval opened, if any. */
  opened: PhaseState | null;
  closed: boolean;
}

export async function decidePhase(input: DecideInput, log?: Logger): Promise<DecideResult> {
  const comment = input.comment?.trim() ? input.comment.trim().slice(0, MAX_DECISION_COMMENT) : null;
  if (input.decision === "request_changes" && !comment) {
    throw new UserError("bad_input", "Say what needs to change: the comment is required.");
  }
  let target = await checkDecision(input.teamId, input.period, input.phase, input.version, input.by);
  for (let attempt = 1; ; attempt++) {
    const { cfg, cycle, phase } = target;
    const scenario = input.decision === "approve" ? chosenByApproval(cycle, phase, input.scenario) : null;
    const planned = planTransition(cycle, {
      action: input.decision,
      phase: input.phase,
      by: input.by,
      at: input.at,
      comment,
      version: input.version,
      scenario,
    });
    if (!planned.ok) throw staleDecision(cycle, phase, input.version);
    const committed = await commitEvent(cycle, planned.event, log);
    if (committed) {
      log?.info(
        { cycle: cycle.id, phase: input.phase, decision: input.decision, version: input.version },
        "decided",
      );
      return {
        cfg,
        cycle: committed,
        phase: committed.phases[input.phase]!,
        event: planned.event,
        opened: planned.event.opened ? committed.phases[planned.event.opened]! : null,
        closed: planned.event.closed,
      };
    }
    // Another transition was committed first. Usually that is someone else's decision on this very request
    // (checkDecision then explains it); if it left this request waiting, try once more on the new state.
    if (attempt >= 3)
      throw new UserError("conflict", "The cycle is changing right now. Nothing changed; please try again.");
    target = await checkDecision(input.teamId, input.period, input.phase, input.version, input.by);
  }
}

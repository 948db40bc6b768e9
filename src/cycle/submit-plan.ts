/**
 * A phase owner submits a plan: checks (team, cycle, phase, owner, state, expected version), then the CSV
 * (every bad line, nothing stored), then the new immutable version is stored and the transition committed.
 */
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { formatProblem, type PlanProblem, parsePlanCsv, planRulesFor } from "../plans/plan-csv.ts";
import { type PlanSummary, summarizePlan } from "../plans/plan-summary.ts";
import { parsePlanXlsx } from "../plans/plan-xlsx.ts";
import {
  deleteUncommittedVersion,
  insertPlanVersion,
  loadPlanVersion,
  planVersionHolder,
} from "../store/plan-versions.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { requireTeamConfig } from "../team/team-config-store.ts";
import { type CycleEvent, type CycleState, type PhaseState, planTransition } from "./cycle-state.ts";
import { commitEvent, getCycle } from "./cycle-store.ts";
import { cannotSubmit, noCycle, notOwner, submittedMeanwhile, unknownPhase } from "./explain.ts";
import { isOwner } from "./roles.ts";
import {
  BASE_SCENARIO,
  checkScenarioRoom,
  hasScenarios,
  scenarioName,
  scenarioRoomProblem,
} from "./scenarios.ts";

/** The CSV was refused; `problems` name the lines (also as `details`, formatted). */
export class PlanRejectedError extends UserError {
  constructor(readonly problems: PlanProblem[]) {
    super(
      "bad_input",
      `The plan was not accepted: ${problems.length} problem${problems.length === 1 ? "" : "s"}. Nothing was stored.`,
      problems.map(formatProblem),
    );
    this.name = "PlanRejectedError";
  }
}

/** An uncommitted version older than this was left by a crashed attempt and may be replaced. */
export const ABANDONED_AFTER_MS = 120_000;
export const MAX_COMMENT = 2000;

export interface SubmissionTarget {
  cfg: TeamConfig;
  cycle: CycleState;
  phase: PhaseState;
}

/** Everything but the CSV: may `userId` submit `phaseId` of `period` now? Throws a UserError saying why not. */
export async function checkSubmission(
  teamId: string,
  period: string,
  phaseId: string,
  userId: string,
  cfgIn?: TeamConfig,
  expectedVersion?: number,
): Promise<SubmissionTarget> {
  const [cfg, cycle] = await Promise.all([cfgIn ?? requireTeamConfig(teamId), getCycle(teamId, period)]);
  if (!cycle) throw noCycle(period);
  const phase = cycle.phases[phaseId];
  if (!phase) throw unknownPhase(cycle, phaseId);
  if (!isOwner(cfg, cycle, phaseId, userId)) throw notOwner(cfg, cycle, phase);
  // A newer version than the one the form was opened on says more than "not open".
  if (expectedVersion !== undefined && phase.version !== expectedVersion)
    throw submittedMeanwhile(cycle, phase, expectedVersion);
  const takes =
    phase.status === "open" ||
    phase.status === "changes_requested" ||
    (phase.status === "submitted" && hasScenarios(phase));
  if (!takes) throw cannotSubmit(cycle, phase);
  return { cfg, cycle, phase };
}

export interface SubmitPlanInput {
  teamId: string;
  period: string;
  phase: string;
  by: string;
  at: Date;
  /** The plan as CSV text, or (instead) an uploaded Excel workbook. */
  csv?: string;
  xlsx?: Uint8Array;
  comment?: string | null;
  /** A supply or finance plan's scenario name (empty: base); other phases take none. */
  scenario?: string | null;
  /** The version the submitter saw (the modal's); omitted = on top of whatever is current (CLI). */
  expectedVersion?: number;
  source: "slack-paste" | "slack-file" | "cli" | "baseline-button";
  fileName?: string | null;
  /**
   * What checkSubmission returned for this same submission moments ago (the modal checks before it
   * parses), so it is not read twice; the commit below still refuses if the cycle moved meanwhile.
   */
  checked?: SubmissionTarget;
}

export interface SubmitPlanResult {
  cfg: TeamConfig;
  cycle: CycleState;
  phase: PhaseState;
  version: number;
  summary: PlanSummary;
  event: CycleEvent;
  /** The version's scenario (scenario phases only). */
  scenario: string | null;
}

/** The scenario a submission names, checked against the phase and the cycle's other scenarios. */
export function submissionScenario(
  cycle: CycleState,
  phase: PhaseState,
  raw: string | null | undefined,
): string | null {
  if (!hasScenarios(phase)) {
    if (raw?.trim())
      throw new UserError(
        "bad_input",
        `${phase.name} has no scenarios; only the supply and financial reviews submit named alternatives. Nothing was stored.`,
      );
    return null;
  }
  const name = scenarioName(raw);
  checkScenarioRoom(cycle, phase, name);
  return name;
}

export async function submitPlan(input: SubmitPlanInput, log?: Logger): Promise<SubmitPlanResult> {
  const { teamId, period, phase: phaseId, by, at } = input;
  const { cfg, cycle, phase } =
    input.checked ?? (await checkSubmission(teamId, period, phaseId, by, undefined, input.expectedVersion));
  const comment = input.comment?.trim() ? input.comment.trim().slice(0, MAX_COMMENT) : null;
  const scenario = submissionScenario(cycle, phase, input.scenario);

  const rules = planRulesFor(cfg, phaseId, period);
  const parsed = input.xlsx ? await parsePlanXlsx(input.xlsx, rules) : parsePlanCsv(input.csv ?? "", rules);
  if (!parsed.ok) throw new PlanRejectedError(parsed.problems);

  const version = phase.version + 1;
  // A scenario is compared with its own previous version, a new scenario with the base.
  const against = scenario ? (phase.scenarios?.[scenario] ?? phase.scenarios?.[BASE_SCENARIO]) : undefined;
  const previousVersion = against ?? phase.version;
  const previous =
    previousVersion > 0 ? await loadPlanVersion(teamId, period, phaseId, previousVersion) : null;
  const summary = summarizePlan(
    parsed.plan,
    previous ? { version: previous.version, plan: previous } : undefined,
  );
  const planned = planTransition(cycle, {
    action: "submit",
    phase: phaseId,
    by,
    at,
    comment,
    version,
    scenario,
  });
  if (!planned.ok) throw cannotSubmit(cycle, phase);

  const doc = {
    teamId,
    period,
    phase: phaseId,
    version,
    submittedBy: by,
    submittedAt: at,
    comment,
    source: input.source,
    fileName: input.fileName ?? null,
    plan: parsed.plan,
    summary,
  };
  let stored = await insertPlanVersion(doc);
  if (stored === "taken") {
    // Someone holds this version number: a concurrent submission, or an attempt that died before its commit.
    const holder = await planVersionHolder(teamId, period, phaseId, version);
    const now = await getCycle(teamId, period);
    const nowPhase = now?.phases[phaseId];
    if (nowPhase && nowPhase.version >= version)
      throw submittedMeanwhile({ teamId, period }, nowPhase, phase.version);
    if (holder && at.getTime() - holder.submittedAt.getTime() > ABANDONED_AFTER_MS) {
      log?.warn({ teamId, period, phase: phaseId, version }, "replacing an abandoned plan version");
      await deleteUncommittedVersion(teamId, period, phaseId, version, holder.token);
      stored = await insertPlanVersion(doc);
    }
    if (stored === "taken") {
      throw new UserError(
        "conflict",
        `Another submission of ${phase.name} is being stored right now. Nothing was stored; try again in a minute if it is not there.`,
        [],
        { step: "status", teamId, period },
      );
    }
  }

  // Commit; if another transition of this cycle got in first but left this phase as it was, go again.
  let state = cycle;
  let event = planned.event;
  for (let attempt = 1; ; attempt++) {
    const committed = await commitEvent(state, event, log);
    if (committed) {
      log?.info({ teamId, period, phase: phaseId, version, rows: summary.rows }, "plan submitted");
      return { cfg, cycle: committed, phase: committed.phases[phaseId]!, version, summary, event, scenario };
    }
    const now = await getCycle(teamId, period);
    const nowPhase = now?.phases[phaseId];
    const again = now
      ? planTransition(now, { action: "submit", phase: phaseId, by, at, comment, version, scenario })
      : null;
    const crowded = now && nowPhase && scenario ? scenarioRoomProblem(now, nowPhase, scenario) : null;
    if (now && again?.ok && !crowded && attempt < 3) {
      state = now;
      event = again.event;
      continue;
    }
    // Lost for good: take our version back and say what happened.
    await deleteUncommittedVersion(teamId, period, phaseId, version, stored.token).catch(() => {});
    if (crowded) throw crowded;
    if (now && nowPhase) {
      if (nowPhase.version > phase.version)
        throw submittedMeanwhile({ teamId, period }, nowPhase, phase.version);
      throw cannotSubmit(now, nowPhase);
    }
    throw new UserError(
      "conflict",
      "The cycle changed while your plan was being stored. Nothing was stored; please try again.",
    );
  }
}

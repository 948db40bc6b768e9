/**
 * The gap report of one team's cycle, from the approved demand, supply and finance plan versions in
 * the database. Used by `sop gaps` and the pre-S&OP sign-off message.
 *
 * The report needs every one of those phases the cycle's template has to be approved (a team
 * without a finance phase gets no revenue check, and says so); it needs the demand plan and at least
 * one of supply and finance. Otherwise it refuses with a message naming what is missing.
 */

import { type CycleState, phaseWithRole } from "../cycle/cycle-state.ts";
import { getCycle } from "../cycle/cycle-store.ts";
import { noCycle } from "../cycle/explain.ts";
import { STATUS_LABEL } from "../cycle/phase-status-text.ts";
import { publishedVersion } from "../cycle/scenarios.ts";
import { UserError } from "../errors.ts";
import { planLines } from "../plans/plan-lines.ts";
import { loadPlanVersion } from "../store/plan-versions.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { type GapPlanLine, type GapPlans, type GapReport, gapReport } from "./gap-report.ts";

/** The roles whose approved plans the gap report compares (the phases are found by role, not id). */
export const GAP_PHASES = ["demand", "supply", "finance"] as const;
export type GapPhase = (typeof GAP_PHASES)[number];

export interface CycleGapReport {
  teamId: string;
  period: string;
  report: GapReport;
  /** The approved version of each plan used; null when the template has no such phase. */
  versions: Record<GapPhase, number | null>;
}

/** What is not approved yet, in words; empty when the report can be built. */
export function missingApprovals(cycle: CycleState): string[] {
  const problems: string[] = [];
  for (const role of GAP_PHASES) {
    const phase = phaseWithRole(cycle, role);
    if (!phase) continue;
    if (phase.approvedVersion === null) {
      problems.push(
        `${phase.name} (${phase.id}) has no approved plan yet: it is ${STATUS_LABEL[phase.status]}`,
      );
    }
  }
  if (!phaseWithRole(cycle, "demand")) problems.push("the cycle's template has no demand phase");
  if (!phaseWithRole(cycle, "supply") && !phaseWithRole(cycle, "finance")) {
    problems.push("the cycle's template has neither a supply nor a finance phase");
  }
  return problems;
}

/** The published version of the phase with `role` (a scenario phase's base until the executive choice). */
function versionOf(cycle: CycleState, role: GapPhase): number | null {
  const phase = phaseWithRole(cycle, role);
  return phase ? publishedVersion(cycle, phase.id) : null;
}

async function approvedLines(cycle: CycleState, role: GapPhase): Promise<GapPlanLine[] | null> {
  const phase = phaseWithRole(cycle, role);
  const version = versionOf(cycle, role);
  if (!phase || version === null) return null;
  const plan = await loadPlanVersion(cycle.teamId, cycle.period, phase.id, version);
  if (!plan)
    throw new Error(`approved plan ${cycle.id} ${phase.id} v${version} is missing from the database`);
  return planLines(plan);
}

/** The cycle's gap report; a UserError names the cycle or approvals that are missing. */
export async function loadGapReport(cfg: TeamConfig, period: string): Promise<CycleGapReport> {
  const cycle = await getCycle(cfg.team, period);
  if (!cycle) throw noCycle(period);
  const problems = missingApprovals(cycle);
  if (problems.length > 0) {
    throw new UserError(
      "conflict",
      `The gap report for ${period} needs the approved demand, supply and finance plans.`,
      problems,
    );
  }
  const plans: GapPlans = {
    demand: await approvedLines(cycle, "demand"),
    supply: await approvedLines(cycle, "supply"),
    finance: await approvedLines(cycle, "finance"),
  };
  return {
    teamId: cfg.team,
    period,
    report: gapReport(plans, cfg.gapThresholds, cfg.currency ?? null),
    versions: {
      demand: versionOf(cycle, "demand"),
      supply: versionOf(cycle, "supply"),
      finance: versionOf(cycle, "finance"),
    },
  };
}

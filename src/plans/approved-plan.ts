/**
 * The approved version of a phase's plan: what later phases, the gap report and the digest use. For a
 * phase with scenarios that is the one published scenario (src/cycle/scenarios.ts).
 */
import { getCycle } from "../cycle/cycle-store.ts";
import { publishedVersion } from "../cycle/scenarios.ts";
import { loadPlanVersion, type PlanVersion } from "../store/plan-versions.ts";

export async function approvedPlan(
  teamId: string,
  period: string,
  phase: string,
): Promise<PlanVersion | null> {
  const cycle = await getCycle(teamId, period);
  const v = cycle ? publishedVersion(cycle, phase) : null;
  if (!v) return null;
  return loadPlanVersion(teamId, period, phase, v);
}

/** The newest submitted version, approved or not (pre-S&OP drafts, "what was sent"). */
export async function latestPlan(teamId: string, period: string, phase: string): Promise<PlanVersion | null> {
  const cycle = await getCycle(teamId, period);
  const v = cycle?.phases[phase]?.version;
  if (!v) return null;
  return loadPlanVersion(teamId, period, phase, v);
}

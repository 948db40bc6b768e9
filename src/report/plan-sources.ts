/**
 * Which plan versions the report reads, found by phase role: the demand review's consensus, and per
 * scenario the supply and finance versions it uses (its own, else the phase's base). Approved versions
 * when there are some; before a phase is approved, its latest submitted versions, said in a note — so
 * `sop report` works at any point of the cycle and never pretends a draft is approved.
 */
import { type CycleState, type PhaseState, phaseWithRole } from "../cycle/cycle-state.ts";
import {
  BASE_SCENARIO,
  cycleScenarioNames,
  hasScenarios,
  phaseScenarios,
  publishedVersion,
  scenarioVersion,
} from "../cycle/scenarios.ts";

export interface PhasePick {
  phase: PhaseState;
  version: number;
  approved: boolean;
}

export interface ScenarioPlans {
  name: string;
  supply: PhasePick | null;
  finance: PhasePick | null;
}

export interface PlanPicks {
  demand: PhasePick | null;
  scenarios: ScenarioPlans[];
  notes: string[];
}

function draftVersion(phase: PhaseState, name: string): number | null {
  const set = phaseScenarios(phase);
  if (set.length === 0) return phase.version > 0 ? phase.version : null;
  const own = set.find(([n]) => n === name) ?? set.find(([n]) => n === BASE_SCENARIO) ?? set[0]!;
  return own[1];
}

function pick(cycle: CycleState, phase: PhaseState | null, scenario: string): PhasePick | null {
  if (!phase) return null;
  if (phase.approvedVersion !== null) {
    const version = hasScenarios(phase)
      ? scenarioVersion(phase, scenario)
      : publishedVersion(cycle, phase.id);
    return version === null ? null : { phase, version, approved: true };
  }
  const version = draftVersion(phase, scenario);
  return version === null ? null : { phase, version, approved: false };
}

export function planPicks(cycle: CycleState): PlanPicks {
  const demandPhase = phaseWithRole(cycle, "demand");
  const supplyPhase = phaseWithRole(cycle, "supply");
  const financePhase = phaseWithRole(cycle, "finance");
  const approvedOnly = [supplyPhase, financePhase].every((p) => !p || p.approvedVersion !== null);
  const names = cycleScenarioNames(cycle, { approvedOnly });
  const scenarios = (names.length ? names : [BASE_SCENARIO]).map((name) => ({
    name,
    supply: pick(cycle, supplyPhase, name),
    finance: pick(cycle, financePhase, name),
  }));
  const demand = pick(cycle, demandPhase, BASE_SCENARIO);
  const notes: string[] = [];
  for (const [p, picked] of [
    [demandPhase, demand],
    [supplyPhase, scenarios[0]!.supply],
    [financePhase, scenarios[0]!.finance],
  ] as const) {
    if (!p) continue;
    if (!picked) notes.push(`${p.name} has no plan yet: its rows are empty.`);
    else if (!picked.approved)
      notes.push(`${p.name} is not approved yet: its latest submitted plan (v${picked.version}) is shown.`);
  }
  return { demand, scenarios, notes };
}

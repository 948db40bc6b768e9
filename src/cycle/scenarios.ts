/**
 * Scenarios: the supply and finance phases may submit up to three named alternatives of their plan
 * (`base`, `overtime`, `outsource`), each a plan version carrying its scenario name. A phase keeps the
 * latest version of each name; approving the phase approves them all. The executive phase then approves
 * one scenario, and that one becomes the published plan. The rule "one approved plan" holds throughout:
 * before the executive choice a phase's approved plan is its base scenario (the one named `base`, else
 * the first submitted), after it the chosen one. Pure.
 */
import { UserError } from "../errors.ts";
import { type PhaseRole, roleOf, SCENARIO_ROLES } from "../team/phase-role.ts";
import type { CycleState, PhaseState } from "./cycle-state.ts";

export const BASE_SCENARIO = "base";
export const MAX_SCENARIOS = 3;
const NAME = /^[a-z][a-z0-9_-]{0,29}$/;

export function hasScenarios(phase: { id: string; role?: PhaseRole | null }): boolean {
  const role = roleOf(phase);
  return role !== null && SCENARIO_ROLES.includes(role);
}

/** A scenario name as typed (trimmed, lower case); empty means the base. Throws a UserError when malformed. */
export function scenarioName(raw: string | null | undefined): string {
  const name = (raw ?? "").trim().toLowerCase();
  if (name === "") return BASE_SCENARIO;
  if (!NAME.test(name))
    throw new UserError(
      "bad_input",
      `"${name.slice(0, 40)}" is not a scenario name: use up to 30 letters, digits, "-" or "_", starting with a letter (e.g. overtime). Nothing was stored.`,
    );
  return name;
}

/** The scenarios a phase has, name → latest version, in the order they were first submitted. */
export function phaseScenarios(phase: PhaseState): [string, number][] {
  return Object.entries(phase.scenarios ?? {});
}

/** The phase's approved scenarios (name → version), or null when it has none (not approved, or no names). */
export function approvedScenarios(phase: PhaseState): [string, number][] | null {
  if (phase.approvedVersion === null) return null;
  const set = Object.entries(phase.approvedScenarios ?? {});
  return set.length ? set : null;
}

/** Every scenario name of the cycle's scenario phases, base first, then in order of first submission. */
export function cycleScenarioNames(cycle: CycleState, opts: { approvedOnly?: boolean } = {}): string[] {
  const names: string[] = [];
  for (const id of cycle.order) {
    const p = cycle.phases[id]!;
    if (!hasScenarios(p)) continue;
    const set = opts.approvedOnly ? (approvedScenarios(p) ?? []) : phaseScenarios(p);
    for (const [name] of set) if (!names.includes(name)) names.push(name);
  }
  const base = names.indexOf(BASE_SCENARIO);
  if (base > 0) names.unshift(...names.splice(base, 1));
  return names;
}

/** Why a submission under `name` would give the cycle one scenario too many; null when there is room. */
export function scenarioRoomProblem(cycle: CycleState, phase: PhaseState, name: string): UserError | null {
  const names = cycleScenarioNames(cycle);
  if (names.includes(name) || names.length < MAX_SCENARIOS) return null;
  return new UserError(
    "conflict",
    `The ${cycle.period} cycle already has ${MAX_SCENARIOS} scenarios (${names.join(", ")}). Submit ${phase.name} under one of those names to replace that version. Nothing was stored.`,
  );
}

export function checkScenarioRoom(cycle: CycleState, phase: PhaseState, name: string): void {
  const problem = scenarioRoomProblem(cycle, phase, name);
  if (problem) throw problem;
}

/** The scenario the executive phase chose, once it has approved one. */
export function chosenScenario(cycle: CycleState): string | null {
  for (const id of cycle.order) {
    const p = cycle.phases[id]!;
    if (roleOf(p) === "exec" && p.status === "approved") return p.chosenScenario ?? null;
  }
  return null;
}

/**
 * The version of a scenario phase's plan that scenario `name` uses: its own, else the phase's base
 * (`base`, else the first approved). Null when the phase has no approved plan.
 */
export function scenarioVersion(phase: PhaseState, name: string): number | null {
  const set = approvedScenarios(phase);
  if (!set) return phase.approvedVersion;
  const own = set.find(([n]) => n === name);
  if (own) return own[1];
  return (set.find(([n]) => n === BASE_SCENARIO) ?? set[0]!)[1];
}

/**
 * The one approved plan version of a phase: for a scenario phase, the chosen scenario's (the base until
 * the executive phase has chosen); for any other phase, its approved version.
 */
export function publishedVersion(cycle: CycleState, phaseId: string): number | null {
  const phase = cycle.phases[phaseId];
  if (!phase) return null;
  if (!hasScenarios(phase)) return phase.approvedVersion;
  return scenarioVersion(phase, chosenScenario(cycle) ?? BASE_SCENARIO);
}

/** The scenario name version `version` of a phase was submitted under (from the cycle's events). */
export function versionScenario(cycle: CycleState, phaseId: string, version: number): string | null {
  const e = cycle.events.find((x) => x.action === "submit" && x.phase === phaseId && x.version === version);
  return e?.scenario ?? null;
}

/** What the executive phase's approval chooses from: the cycle's approved scenarios when there are two or more. */
export function scenarioChoices(cycle: CycleState, phase: PhaseState): string[] {
  if (roleOf(phase) !== "exec") return [];
  const names = cycleScenarioNames(cycle, { approvedOnly: true });
  return names.length > 1 ? names : [];
}

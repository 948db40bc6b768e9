/**
 * What a phase is for in the S&OP cycle, independent of its id and name: the data phase (statistical
 * baseline), the demand review (consensus demand), the supply review (supply plan vs capacity, with
 * scenarios), the financial review (revenue plan, with scenarios), the pre-S&OP reconciliation (the
 * report is built when it opens), the executive S&OP (approves one scenario: the published plan) and
 * implementation (the published plan is exported when it opens). Behaviour hangs on the role, never on
 * a phase id. A template phase may name its role; without one, a phase whose id is a role's name has
 * that role (so the default template needs none), any other phase has none.
 */
export const PHASE_ROLES = ["data", "demand", "supply", "finance", "pre_sop", "exec", "implement"] as const;
export type PhaseRole = (typeof PHASE_ROLES)[number];

export function isPhaseRole(v: unknown): v is PhaseRole {
  return typeof v === "string" && (PHASE_ROLES as readonly string[]).includes(v);
}

/** The role of a template or cycle phase: the one it names, else the one its id spells, else none. */
export function roleOf(phase: { id: string; role?: PhaseRole | null }): PhaseRole | null {
  if (phase.role) return phase.role;
  return isPhaseRole(phase.id) ? phase.id : null;
}

/** The id of the phase with `role` among `phases` (in order), or null. */
export function phaseIdWithRole(
  phases: Iterable<{ id: string; role?: PhaseRole | null }>,
  role: PhaseRole,
): string | null {
  for (const p of phases) if (roleOf(p) === role) return p.id;
  return null;
}

/** Roles whose submissions may be named alternatives (scenarios). */
export const SCENARIO_ROLES: readonly PhaseRole[] = ["supply", "finance"];

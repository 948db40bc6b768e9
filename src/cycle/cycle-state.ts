/**
 * The state of one team's monthly cycle and the pure rules that move it. A cycle's state is its start
 * snapshot plus a sequence of audit events; `applyEvent` is the only way state changes, so the stored
 * snapshot, the audit trail and every replica agree on what happened.
 */
import { type PhaseRole, roleOf } from "../team/phase-role.ts";
import type { PhaseTemplate, TeamConfig } from "../team/team-config.ts";
import { phaseDueAt } from "./due-date.ts";
import { hasScenarios } from "./scenarios.ts";

export type PhaseStatus = "not_started" | "open" | "submitted" | "changes_requested" | "approved";
export type CycleStatus = "open" | "closed";
export type CycleAction = "start" | "submit" | "approve" | "request_changes";

export interface PhaseState {
  id: string;
  name: string;
  /** What the phase is for, fixed when the cycle starts (absent in cycles started before roles: see roleOf). */
  role?: PhaseRole | null;
  dueDay: number;
  /** Fixed when the cycle starts (announced in the kickoff). */
  dueAt: Date;
  /** The template's people when the cycle started; the live team configuration wins (see roles.ts). */
  owners: string[];
  approvers: string[];
  status: PhaseStatus;
  /** Latest submitted plan version; 0 before the first submission. */
  version: number;
  approvedVersion: number | null;
  openedAt: Date | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  /** The latest submission's or decision's comment. */
  comment: string | null;
  /** Scenario phases (see scenarios.ts): scenario name → latest version of that name, in submission order. */
  scenarios?: Record<string, number>;
  /** Scenario phases: the scenarios as they were when the phase was approved. */
  approvedScenarios?: Record<string, number> | null;
  /** The executive phase: the scenario its approval chose (the published plan). */
  chosenScenario?: string | null;
}

/** One audit event = one transition. `seq` is its place in the cycle's history, starting at 1. */
export interface CycleEvent {
  seq: number;
  at: Date;
  by: string;
  action: CycleAction;
  phase: string;
  from: PhaseStatus;
  to: PhaseStatus;
  comment: string | null;
  version: number | null;
  /** The phase this transition opened (approval opens the next phase; start opens the first). */
  opened: string | null;
  /** True when this transition closed the cycle (the last phase approved). */
  closed: boolean;
  /** Submit of a scenario phase: the version's scenario name; approval of the executive phase: the one chosen. */
  scenario?: string | null;
}

export interface CycleState {
  /** `${teamId}|${period}` */
  id: string;
  teamId: string;
  period: string;
  timezone: string;
  status: CycleStatus;
  /** Phase ids in template order. */
  order: string[];
  phases: Record<string, PhaseState>;
  /** Number of events applied (= seq of the last one). */
  rev: number;
  startedAt: Date;
  startedBy: string;
  closedAt: Date | null;
  events: CycleEvent[];
}

export function cycleId(teamId: string, period: string): string {
  return `${teamId}|${period}`;
}

function phaseFromTemplate(t: PhaseTemplate, period: string, timezone: string): PhaseState {
  return {
    id: t.id,
    name: t.name,
    role: roleOf(t),
    dueDay: t.dueDay,
    dueAt: phaseDueAt(period, t.dueDay, timezone),
    owners: [...t.owners],
    approvers: [...t.approvers],
    status: "not_started",
    version: 0,
    approvedVersion: null,
    openedAt: null,
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    decidedBy: null,
    comment: null,
  };
}

/** A freshly started cycle: the template copied, the first phase open, one "start" event. */
export function newCycleState(cfg: TeamConfig, period: string, by: string, at: Date): CycleState {
  const phases: Record<string, PhaseState> = {};
  for (const t of cfg.phases) phases[t.id] = phaseFromTemplate(t, period, cfg.timezone);
  const first = cfg.phases[0]!.id;
  phases[first] = { ...phases[first]!, status: "open", openedAt: at };
  const start: CycleEvent = {
    seq: 1,
    at,
    by,
    action: "start",
    phase: first,
    from: "not_started",
    to: "open",
    comment: null,
    version: null,
    opened: first,
    closed: false,
  };
  return {
    id: cycleId(cfg.team, period),
    teamId: cfg.team,
    period,
    timezone: cfg.timezone,
    status: "open",
    order: cfg.phases.map((p) => p.id),
    phases,
    rev: 1,
    startedAt: at,
    startedBy: by,
    closedAt: null,
    events: [start],
  };
}

/** The phase after `phaseId` in template order, if any. */
export function nextPhaseId(state: CycleState, phaseId: string): string | null {
  const i = state.order.indexOf(phaseId);
  return i >= 0 && i + 1 < state.order.length ? state.order[i + 1]! : null;
}

/** The transition table: which actions may leave which state, and where they go. */
export const TRANSITIONS: Record<Exclude<CycleAction, "start">, { from: PhaseStatus[]; to: PhaseStatus }> = {
  // Resubmitting after "changes requested" goes straight to submitted with a new version.
  submit: { from: ["open", "changes_requested"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  request_changes: { from: ["submitted"], to: "changes_requested" },
};

/**
 * Builds the event for an action on the current state, or says why it is not allowed. The caller commits
 * it as the state's next seq; `applyEvent` then gives the new state.
 */
export function planTransition(
  state: CycleState,
  input: {
    action: Exclude<CycleAction, "start">;
    phase: string;
    by: string;
    at: Date;
    comment?: string | null;
    version: number;
    scenario?: string | null;
  },
): { ok: true; event: CycleEvent } | { ok: false; reason: "no_phase" | "wrong_state" | "wrong_version" } {
  const phase = state.phases[input.phase];
  if (!phase) return { ok: false, reason: "no_phase" };
  const rule = TRANSITIONS[input.action];
  // A scenario phase may add or replace an alternative while its sign-off is pending.
  const alsoFrom: PhaseStatus[] = input.action === "submit" && hasScenarios(phase) ? ["submitted"] : [];
  if (!rule.from.includes(phase.status) && !alsoFrom.includes(phase.status))
    return { ok: false, reason: "wrong_state" };
  const expectedVersion = input.action === "submit" ? phase.version + 1 : phase.version;
  if (input.version !== expectedVersion) return { ok: false, reason: "wrong_version" };
  const opened =
    input.action === "approve"
      ? (() => {
          const next = nextPhaseId(state, input.phase);
          return next && state.phases[next]!.status === "not_started" ? next : null;
        })()
      : null;
  const closed = input.action === "approve" && nextPhaseId(state, input.phase) === null;
  return {
    ok: true,
    event: {
      seq: state.rev + 1,
      at: input.at,
      by: input.by,
      action: input.action,
      phase: input.phase,
      from: phase.status,
      to: rule.to,
      comment: input.comment?.trim() ? input.comment.trim() : null,
      version: input.version,
      opened,
      closed,
      ...(input.scenario ? { scenario: input.scenario } : {}),
    },
  };
}

/** The state after `event` (which must be the state's next seq). Pure: returns a new object. */
export function applyEvent(state: CycleState, event: CycleEvent): CycleState {
  if (event.seq !== state.rev + 1) throw new Error(`event ${event.seq} does not follow rev ${state.rev}`);
  const phases = { ...state.phases };
  const p = phases[event.phase];
  if (!p) throw new Error(`event ${event.seq} names unknown phase ${event.phase}`);
  let status = state.status;
  let closedAt = state.closedAt;
  switch (event.action) {
    case "start":
      break;
    case "submit":
      phases[event.phase] = {
        ...p,
        status: "submitted",
        version: event.version ?? p.version + 1,
        submittedAt: event.at,
        submittedBy: event.by,
        decidedAt: null,
        decidedBy: null,
        comment: event.comment,
        ...(event.scenario
          ? { scenarios: { ...p.scenarios, [event.scenario]: event.version ?? p.version + 1 } }
          : {}),
      };
      break;
    case "approve":
      phases[event.phase] = {
        ...p,
        status: "approved",
        approvedVersion: event.version,
        decidedAt: event.at,
        decidedBy: event.by,
        comment: event.comment ?? p.comment,
        ...(p.scenarios ? { approvedScenarios: { ...p.scenarios } } : {}),
        ...(event.scenario ? { chosenScenario: event.scenario } : {}),
      };
      break;
    case "request_changes":
      phases[event.phase] = {
        ...p,
        status: "changes_requested",
        decidedAt: event.at,
        decidedBy: event.by,
        comment: event.comment,
      };
      break;
  }
  if (event.opened && event.opened !== event.phase) {
    const next = phases[event.opened];
    if (next) phases[event.opened] = { ...next, status: "open", openedAt: event.at };
  }
  if (event.closed) {
    status = "closed";
    closedAt = event.at;
  }
  return { ...state, phases, status, closedAt, rev: event.seq, events: [...state.events, event] };
}

/** The cycle's phase with `role`, in template order; null when its template has none. */
export function phaseWithRole(state: CycleState, role: PhaseRole): PhaseState | null {
  for (const id of state.order) {
    const p = state.phases[id];
    if (p && roleOf(p) === role) return p;
  }
  return null;
}

/**
 * Action ids, view callback ids and block ids of the S&OP cycle UI — what listeners register, what the
 * demo and tests click and fill in. Button values and private_metadata are JSON the server re-checks.
 */
export const CYCLE_ACTIONS = {
  approve: "sop_approve",
  requestChanges: "sop_request_changes",
  /** Opens the submit modal from a DM or the App Home. */
  openSubmit: "sop_open_submit",
} as const;

/** Approve buttons of one message: the first is `approve`; the executive phase adds one per further scenario. */
export const APPROVE_ACTION_IDS = [CYCLE_ACTIONS.approve, "sop_approve_1", "sop_approve_2"] as const;

export const CYCLE_VIEWS = {
  submitPlan: "sop_submit_plan",
  requestChanges: "sop_request_changes_modal",
  setup: "sop_setup",
} as const;

/** Submit modal: block_id → action_id. */
export const SUBMIT_INPUTS = {
  csv: { block: "plan_csv", action: "csv" },
  file: { block: "plan_file", action: "file" },
  comment: { block: "plan_comment", action: "comment" },
  scenario: { block: "plan_scenario", action: "scenario" },
} as const;

export const REQUEST_CHANGES_INPUT = { block: "rc_comment", action: "comment" } as const;

export const SETUP_INPUTS = {
  admins: { block: "setup_admins", action: "users" },
  sopChannel: { block: "setup_sop_channel", action: "channel" },
  execChannel: { block: "setup_exec_channel", action: "channel" },
  timezone: { block: "setup_timezone", action: "timezone" },
  phaseOwners: (phaseId: string) => ({ block: `ph_${phaseId}_owners`, action: "users" }),
  phaseApprovers: (phaseId: string) => ({ block: `ph_${phaseId}_approvers`, action: "users" }),
  phaseDueDay: (phaseId: string) => ({ block: `ph_${phaseId}_due`, action: "day" }),
} as const;

/** What a sign-off button carries: the request it belongs to. */
export interface DecisionRef {
  period: string;
  phase: string;
  version: number;
  /** The executive phase's "Approve SCENARIO" buttons: the scenario chosen. */
  scenario?: string;
}

export function encodeDecisionRef(r: DecisionRef): string {
  return JSON.stringify({ p: r.period, ph: r.phase, v: r.version, ...(r.scenario ? { s: r.scenario } : {}) });
}

/** Parses a button value; null for anything malformed (it came from the client, so it is untrusted). */
export function decodeDecisionRef(value: unknown): DecisionRef | null {
  if (typeof value !== "string" || value.length > 500) return null;
  try {
    const o = JSON.parse(value) as { p?: unknown; ph?: unknown; v?: unknown; s?: unknown };
    if (typeof o.p !== "string" || typeof o.ph !== "string" || typeof o.v !== "number") return null;
    if (!Number.isInteger(o.v) || o.v < 1) return null;
    if (o.s !== undefined && typeof o.s !== "string") return null;
    return { period: o.p, phase: o.ph, version: o.v, ...(o.s ? { scenario: o.s } : {}) };
  } catch {
    return null;
  }
}

/** The submit modal's private_metadata: where it was opened and on which version. Untrusted on return. */
export interface SubmitMeta {
  period: string;
  phase: string;
  /** The phase's version when the modal opened. */
  version: number;
}

export function encodeSubmitMeta(m: SubmitMeta): string {
  return JSON.stringify({ p: m.period, ph: m.phase, v: m.version });
}

export function decodeSubmitMeta(raw: unknown): SubmitMeta | null {
  if (typeof raw !== "string" || raw.length > 3000) return null;
  try {
    const o = JSON.parse(raw) as { p?: unknown; ph?: unknown; v?: unknown };
    if (typeof o.p !== "string" || typeof o.ph !== "string" || typeof o.v !== "number") return null;
    if (!Number.isInteger(o.v) || o.v < 0) return null;
    return { period: o.p, phase: o.ph, version: o.v };
  } catch {
    return null;
  }
}

/** A phase reference on "Submit" buttons (DMs, App Home). */
export function encodePhaseRef(r: { period: string; phase: string }): string {
  return JSON.stringify({ p: r.period, ph: r.phase });
}

export function decodePhaseRef(value: unknown): { period: string; phase: string } | null {
  if (typeof value !== "string" || value.length > 500) return null;
  try {
    const o = JSON.parse(value) as { p?: unknown; ph?: unknown };
    return typeof o.p === "string" && typeof o.ph === "string" ? { period: o.p, phase: o.ph } : null;
  } catch {
    return null;
  }
}

/**
 * Who gets reminded of what today (pure: cycles, configuration and the time in; reminders out).
 *
 * - due soon: owners of a phase they still owe (open, or changes requested) due within 48 h;
 * - overdue: the owners again, daily, and an escalation to the process lead (DM) and the S&OP channel,
 *   naming who is holding the phase up (owners, or approvers when it waits for sign-off);
 * - sign-off pending: approvers of a submitted phase, once it has waited a day or is due within 48 h
 *   (the sign-off request itself went out on submission);
 * - nothing for phases not yet open, already submitted (owners), approved, or in closed cycles.
 * Each reminder carries a deterministic key so a person gets it at most once per phase and day.
 */
import type { CycleState, PhaseStatus } from "../cycle/cycle-state.ts";
import { daysOverdue } from "../cycle/due-date.ts";
import { phaseRoles } from "../cycle/roles.ts";
import { processLeadOf, type TeamConfig } from "../team/team-config.ts";
import { localDateKey } from "./local-time.ts";

export const DUE_SOON_MS = 48 * 3600_000;
/** A sign-off is chased once it has waited this long (or the phase is due soon). */
export const SIGNOFF_WAIT_MS = 24 * 3600_000;

export type ReminderKind = "due_soon" | "overdue" | "signoff_pending" | "escalation";

export interface PhaseRef {
  period: string;
  phase: string;
  phaseName: string;
  status: PhaseStatus;
  version: number;
  dueAt: Date;
  /** Whole days past due (0 when not yet due). */
  overdueDays: number;
  /** Hours until due (negative when past). */
  hoursLeft: number;
}

export interface Reminder extends PhaseRef {
  kind: ReminderKind;
  /** A user id (DM) or, for the channel escalation, the S&OP channel id. */
  to: string;
  via: "dm" | "channel";
  /** Who is holding the phase up (escalations), or who owes it. */
  waitingOn: "owners" | "approvers";
  people: string[];
  /** `${teamId}|${period}|${phase}|${kind}|${to}|${localDate}`: once per phase, recipient and day. */
  key: string;
}

export function remindersFor(cycles: CycleState[], cfg: TeamConfig, now: Date): Reminder[] {
  const today = localDateKey(now, cfg.timezone);
  const lead = processLeadOf(cfg);
  const out: Reminder[] = [];
  for (const cycle of cycles) {
    if (cycle.status !== "open") continue;
    for (const id of cycle.order) {
      const p = cycle.phases[id];
      if (!p) continue;
      const { owners, approvers } = phaseRoles(cfg, cycle, id);
      const msLeft = p.dueAt.getTime() - now.getTime();
      const ref: PhaseRef = {
        period: cycle.period,
        phase: id,
        phaseName: p.name,
        status: p.status,
        version: p.version,
        dueAt: p.dueAt,
        overdueDays: daysOverdue(p.dueAt, now),
        hoursLeft: Math.floor(msLeft / 3600_000),
      };
      const add = (
        kind: ReminderKind,
        to: string,
        via: "dm" | "channel",
        waitingOn: "owners" | "approvers",
        people: string[],
      ) =>
        out.push({
          ...ref,
          kind,
          to,
          via,
          waitingOn,
          people,
          key: `${cycle.teamId}|${cycle.period}|${id}|${kind}|${to}|${today}`,
        });

      const overdue = msLeft < 0;
      const dueSoon = !overdue && msLeft <= DUE_SOON_MS;
      if (p.status === "open" || p.status === "changes_requested") {
        if (dueSoon) for (const u of owners) add("due_soon", u, "dm", "owners", owners);
        if (overdue) for (const u of owners) add("overdue", u, "dm", "owners", owners);
      }
      if (p.status === "submitted") {
        const waited = p.submittedAt ? now.getTime() - p.submittedAt.getTime() : Number.POSITIVE_INFINITY;
        if (overdue || dueSoon || waited >= SIGNOFF_WAIT_MS)
          for (const u of approvers) add("signoff_pending", u, "dm", "approvers", approvers);
      }
      if (overdue && (p.status === "open" || p.status === "changes_requested" || p.status === "submitted")) {
        const waitingOn = p.status === "submitted" ? "approvers" : "owners";
        const people = waitingOn === "approvers" ? approvers : owners;
        add("escalation", lead, "dm", waitingOn, people);
        add("escalation", cfg.channels.sop, "channel", waitingOn, people);
      }
    }
  }
  return out;
}

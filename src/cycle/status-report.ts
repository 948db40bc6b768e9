/**
 * What `/sop status` and `sop status` show: each phase with state, people, due date and lateness, and the
 * one thing blocking the cycle (phases run in order, so it is the first phase not yet approved).
 */
import type { TeamConfig } from "../team/team-config.ts";
import type { CycleState, PhaseStatus } from "./cycle-state.ts";
import { daysOverdue } from "./due-date.ts";
import { phaseRoles } from "./roles.ts";

export interface PhaseReport {
  id: string;
  name: string;
  /** 1-based position in the template. */
  position: number;
  status: PhaseStatus;
  version: number;
  approvedVersion: number | null;
  owners: string[];
  approvers: string[];
  dueAt: Date;
  /** Whole days past due while not approved; 0 otherwise. */
  overdueDays: number;
  submittedBy: string | null;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export interface Blocking {
  phase: string;
  name: string;
  /** Who must act: the owners (submit) or the approvers (sign off). */
  waitingOn: "owners" | "approvers";
  people: string[];
  overdueDays: number;
}

export interface CycleReport {
  teamId: string;
  period: string;
  status: CycleState["status"];
  timezone: string;
  startedAt: Date;
  startedBy: string;
  closedAt: Date | null;
  phases: PhaseReport[];
  blocking: Blocking | null;
  /** Phases past due and not approved. */
  overdue: string[];
}

export function cycleReport(cycle: CycleState, cfg: TeamConfig | null, now: Date): CycleReport {
  const phases: PhaseReport[] = cycle.order.map((id, i) => {
    const p = cycle.phases[id]!;
    const roles = phaseRoles(cfg, cycle, id);
    return {
      id,
      name: p.name,
      position: i + 1,
      status: p.status,
      version: p.version,
      approvedVersion: p.approvedVersion,
      owners: roles.owners,
      approvers: roles.approvers,
      dueAt: p.dueAt,
      overdueDays: p.status === "approved" ? 0 : daysOverdue(p.dueAt, now),
      submittedBy: p.submittedBy,
      submittedAt: p.submittedAt,
      decidedBy: p.decidedBy,
      decidedAt: p.decidedAt,
      comment: p.comment,
    };
  });
  const first = phases.find((p) => p.status !== "approved");
  const blocking: Blocking | null =
    cycle.status === "closed" || !first
      ? null
      : {
          phase: first.id,
          name: first.name,
          waitingOn: first.status === "submitted" ? "approvers" : "owners",
          people: first.status === "submitted" ? first.approvers : first.owners,
          overdueDays: first.overdueDays,
        };
  return {
    teamId: cycle.teamId,
    period: cycle.period,
    status: cycle.status,
    timezone: cycle.timezone,
    startedAt: cycle.startedAt,
    startedBy: cycle.startedBy,
    closedAt: cycle.closedAt,
    phases,
    blocking,
    overdue: phases.filter((p) => p.overdueDays > 0).map((p) => p.id),
  };
}

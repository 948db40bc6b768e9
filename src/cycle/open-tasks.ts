/** What a person owes right now across the nearby cycles: plans to submit and sign-offs to give. */

import type { TeamConfig } from "../team/team-config.ts";
import { loadTeamConfig } from "../team/team-config-store.ts";
import type { CycleState, PhaseStatus } from "./cycle-state.ts";
import { daysOverdue } from "./due-date.ts";
import { nearbyCycles } from "./nearby-cycles.ts";
import { phaseRoles } from "./roles.ts";

export interface OpenTask {
  kind: "submit" | "approve";
  period: string;
  phase: string;
  phaseName: string;
  status: PhaseStatus;
  /** submit: the current version (0 = none yet); approve: the version waiting for sign-off. */
  version: number;
  dueAt: Date;
  overdueDays: number;
  /** The latest comment (e.g. what the approver asked to change). */
  comment: string | null;
}

export function tasksIn(cycle: CycleState, cfg: TeamConfig | null, userId: string, now: Date): OpenTask[] {
  if (cycle.status !== "open") return [];
  const out: OpenTask[] = [];
  for (const id of cycle.order) {
    const p = cycle.phases[id]!;
    const roles = phaseRoles(cfg, cycle, id);
    const base = {
      period: cycle.period,
      phase: id,
      phaseName: p.name,
      status: p.status,
      version: p.version,
      dueAt: p.dueAt,
      overdueDays: daysOverdue(p.dueAt, now),
      comment: p.comment,
    };
    if ((p.status === "open" || p.status === "changes_requested") && roles.owners.includes(userId))
      out.push({ kind: "submit", ...base });
    if (p.status === "submitted" && roles.approvers.includes(userId)) out.push({ kind: "approve", ...base });
  }
  return out;
}

export async function listOpenTasks(
  teamId: string,
  userId: string,
  now: Date,
  cfgIn?: TeamConfig | null,
): Promise<{ tasks: OpenTask[]; cycles: CycleState[]; cfg: TeamConfig | null }> {
  const cfg = cfgIn === undefined ? await loadTeamConfig(teamId) : cfgIn;
  if (!cfg) return { tasks: [], cycles: [], cfg: null };
  const cycles = await nearbyCycles(teamId, cfg, now);
  return { tasks: cycles.flatMap((c) => tasksIn(c, cfg, userId, now)), cycles, cfg };
}

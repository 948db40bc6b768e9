/**
 * Who may do what in a cycle. Owners and approvers come from the live team configuration (an admin can
 * reassign a phase mid-cycle with /sop setup); a phase no longer in the configuration keeps the people it
 * had when the cycle started. Admins start cycles and change the template — they do not sign off for others.
 */
import type { TeamConfig } from "../team/team-config.ts";
import type { CycleState } from "./cycle-state.ts";

export interface PhaseRoles {
  owners: string[];
  approvers: string[];
}

export function phaseRoles(cfg: TeamConfig | null, cycle: CycleState, phaseId: string): PhaseRoles {
  const live = cfg?.phases.find((p) => p.id === phaseId);
  if (live) return { owners: live.owners, approvers: live.approvers };
  const snap = cycle.phases[phaseId];
  return { owners: snap?.owners ?? [], approvers: snap?.approvers ?? [] };
}

export function isAdmin(cfg: TeamConfig, userId: string): boolean {
  return cfg.admins.includes(userId);
}

export function isOwner(cfg: TeamConfig | null, cycle: CycleState, phaseId: string, userId: string): boolean {
  return phaseRoles(cfg, cycle, phaseId).owners.includes(userId);
}

export function isApprover(
  cfg: TeamConfig | null,
  cycle: CycleState,
  phaseId: string,
  userId: string,
): boolean {
  return phaseRoles(cfg, cycle, phaseId).approvers.includes(userId);
}

/**
 * Who may load actuals from Slack: the planning team — admins and the owners of any phase (the demand
 * analyst of the data phase first of all). Everyone else gets a clear refusal and nothing changes. The
 * CLI is for operators and automated feeds and has no Slack user to check.
 */
import { UserError } from "../errors.ts";
import type { TeamConfig } from "../team/team-config.ts";

export function canImportActuals(cfg: TeamConfig, userId: string): boolean {
  return cfg.admins.includes(userId) || cfg.phases.some((p) => p.owners.includes(userId));
}

export function requireImportAccess(cfg: TeamConfig, userId: string): void {
  if (!canImportActuals(cfg, userId))
    throw new UserError(
      "not_authorized",
      "Only admins and phase owners of this workspace's S&OP team can import actuals.",
    );
}

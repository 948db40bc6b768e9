/**
 * `/sop setup`: admins (or, in a workspace with no configuration yet, whoever runs it first — they become
 * admin) get the setup modal. The save re-checks all of this (commands/submissions/setup.ts).
 */

import { mentionAll } from "../../src/cycle/people.ts";
import { isAdmin } from "../../src/cycle/roles.ts";
import { UserError } from "../../src/errors.ts";
import { DEFAULT_PHASES } from "../../src/team/default-template.ts";
import { loadTeamConfigRevision } from "../../src/team/team-config-store.ts";
import { setupModal } from "../../views/setup-modal.ts";
import type { Subcommand } from "./subcommand.ts";

export const setup: Subcommand = {
  name: "setup",
  opensModal: true,
  aliases: ["config"],
  run: async (ctx) => {
    // One read: the form's values and the revision they belong to (a Save commits on top of it).
    const loaded = await loadTeamConfigRevision(ctx.teamId);
    const cfg = loaded?.config ?? null;
    const revision = loaded?.revision ?? null;
    if (cfg && !isAdmin(cfg, ctx.userId)) {
      throw new UserError(
        "not_authorized",
        `Only S&OP admins (${mentionAll(cfg.admins)}) can change the setup. Nothing changed.`,
      );
    }
    const here = /^[CG]/.test(ctx.channelId) ? ctx.channelId : null;
    const view = cfg
      ? setupModal({
          admins: cfg.admins,
          sopChannel: cfg.channels.sop,
          execChannel: cfg.channels.exec,
          timezone: cfg.timezone,
          phases: cfg.phases,
          revision,
        })
      : setupModal({
          admins: [ctx.userId],
          sopChannel: here,
          execChannel: null,
          timezone: "UTC",
          phases: DEFAULT_PHASES.map((p) => ({ ...p, owners: [], approvers: [] })),
          revision: null,
        });
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: view });
  },
};

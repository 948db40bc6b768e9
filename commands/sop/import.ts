/**
 * `/sop import [KIND]`: admins and phase owners; opens the import modal at once (the trigger_id expires
 * 3 s after the command). Everything is checked again when the modal is submitted.
 */
import { requireImportAccess } from "../../src/actuals/import-access.ts";
import { ACTUALS_KINDS, isActualsKind } from "../../src/actuals/kinds.ts";
import { UserError } from "../../src/errors.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { importModal } from "../../views/import-modal.ts";
import type { Subcommand } from "./subcommand.ts";

export const importActuals: Subcommand = {
  name: "import",
  opensModal: true,
  run: async (ctx) => {
    const word = ctx.args[0]?.toLowerCase();
    if (word !== undefined && !isActualsKind(word))
      throw new UserError(
        "bad_input",
        `Usage: \`/sop import [KIND]\` — KIND is one of ${ACTUALS_KINDS.join(", ")}; \`${word.slice(0, 20)}\` is not.`,
      );
    const cfg = await requireTeamConfig(ctx.teamId);
    requireImportAccess(cfg, ctx.userId);
    await ctx.client.views.open({
      trigger_id: ctx.triggerId,
      view: importModal({ channel: ctx.channelId || null, kind: word }),
    });
  },
};

/**
 * The setup modal's Save: the same validation as `sop config import` (TeamConfigSchema), errors shown at
 * the field that caused them, saved with the revision the modal was opened on. Re-checks the rights: an
 * admin of the stored configuration, or anyone while there is none (they become admin).
 */
import type { App } from "@slack/bolt";
import { mentionAll } from "../../src/cycle/people.ts";
import { isAdmin } from "../../src/cycle/roles.ts";
import { UserError } from "../../src/errors.ts";
import { DEFAULT_PHASES } from "../../src/team/default-template.ts";
import { formatIssues, TeamConfigSchema } from "../../src/team/team-config.ts";
import { loadTeamConfig, saveTeamConfig } from "../../src/team/team-config-store.ts";
import { CYCLE_VIEWS, SETUP_INPUTS } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { decodeSetupMeta } from "../../views/setup-modal.ts";
import { Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { wrapViewSubmission } from "../listener.ts";
import { conversationValue, stateOf, textValue, usersValue } from "./view-values.ts";

/** Which input a configuration path belongs to (`phases.2.owners.0` → that phase's owners picker). */
function blockFor(path: PropertyKey[], phaseIds: string[]): string {
  const [top, i, field] = path;
  if (top === "admins") return SETUP_INPUTS.admins.block;
  if (top === "timezone") return SETUP_INPUTS.timezone.block;
  if (top === "channels")
    return path[1] === "exec" ? SETUP_INPUTS.execChannel.block : SETUP_INPUTS.sopChannel.block;
  if (top === "phases" && typeof i === "number" && phaseIds[i]) {
    const id = phaseIds[i]!;
    if (field === "owners") return SETUP_INPUTS.phaseOwners(id).block;
    if (field === "approvers") return SETUP_INPUTS.phaseApprovers(id).block;
    if (field === "dueDay") return SETUP_INPUTS.phaseDueDay(id).block;
  }
  return SETUP_INPUTS.admins.block;
}

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(CYCLE_VIEWS.setup);
  app.view(
    CYCLE_VIEWS.setup,
    wrapViewSubmission(deps, { errorBlockId: SETUP_INPUTS.admins.block }, async (ctx) => {
      const meta = decodeSetupMeta(ctx.view.private_metadata);
      if (!meta)
        throw new UserError("stale", "This form is out of date. Close it and run `/sop setup` again.");
      const current = await loadTeamConfig(ctx.teamId);
      if (current && !isAdmin(current, ctx.userId)) {
        throw new UserError(
          "not_authorized",
          `Only S&OP admins (${mentionAll(current.admins)}) can change the setup. Nothing changed.`,
        );
      }
      const values = stateOf(ctx.view);
      const firstAdmin = !current;
      const template =
        current?.phases ??
        DEFAULT_PHASES.map((p) => ({ ...p, owners: [] as string[], approvers: [] as string[] }));
      const errors: Record<string, string> = {};
      const phases = template.map((p) => {
        const owners = usersValue(values, SETUP_INPUTS.phaseOwners(p.id));
        const approvers = usersValue(values, SETUP_INPUTS.phaseApprovers(p.id));
        const dueRaw = textValue(values, SETUP_INPUTS.phaseDueDay(p.id)).trim();
        let dueDay = p.dueDay;
        if (dueRaw !== "") {
          dueDay = Number(dueRaw);
          if (!Number.isInteger(dueDay))
            errors[SETUP_INPUTS.phaseDueDay(p.id).block] = "must be a whole day of the month 1-31";
        }
        // A phase not in the modal (very long templates) keeps its people.
        return { ...p, owners: owners ?? p.owners, approvers: approvers ?? p.approvers, dueDay };
      });
      let admins = usersValue(values, SETUP_INPUTS.admins) ?? current?.admins ?? [];
      // Whoever configures a new workspace is its admin; an admin cannot lock everyone out by accident.
      if (firstAdmin && !admins.includes(ctx.userId)) admins = [ctx.userId, ...admins];
      const candidate = {
        ...(current ?? {}),
        team: ctx.teamId,
        admins,
        timezone: textValue(values, SETUP_INPUTS.timezone).trim() || current?.timezone || "UTC",
        channels: {
          sop: conversationValue(values, SETUP_INPUTS.sopChannel) ?? current?.channels.sop ?? "",
          exec: conversationValue(values, SETUP_INPUTS.execChannel) ?? current?.channels.exec ?? "",
        },
        phases,
      };
      const parsed = TeamConfigSchema.safeParse(candidate);
      if (!parsed.success) {
        const ids = phases.map((p) => p.id);
        const messages = formatIssues(parsed.error);
        parsed.error.issues.forEach((issue, i) => {
          const block = blockFor(issue.path, ids);
          const text = messages[i]!.replace(/^[^:]*: /, "");
          errors[block] = errors[block] ? `${errors[block]}; ${text}` : text;
        });
      }
      if (Object.keys(errors).length) {
        for (const k of Object.keys(errors)) errors[k] = errors[k]!.slice(0, 500);
        return { ack: { response_action: "errors", errors } };
      }
      const saved = await ctx.commit("the S&OP setup", () =>
        saveTeamConfig(candidate, ctx.userId, ctx.deps.clock.now(), meta.revision),
      );
      return {
        after: async () => {
          const d = new Deliveries(ctx.log);
          const you = firstAdmin ? " You are its admin." : "";
          await dm(
            ctx.client,
            d,
            [ctx.userId],
            notice(
              `:gear: Saved the S&OP setup: ${saved.phases.length} phases, S&OP channel <#${saved.channels.sop}>, executive channel <#${saved.channels.exec}>, time zone ${saved.timezone}.${you} Changes to owners and approvers apply to running cycles at once; due dates of a running cycle stay as announced.`,
            ),
          );
        },
      };
    }),
  );
}

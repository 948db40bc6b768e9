/**
 * The setup modal's Save: the same validation as `sop config import` (TeamConfigSchema), errors shown at
 * the field that caused them, committed as the revision after the one the modal was opened on. Re-checks
 * the rights: an admin of the stored configuration, or anyone while there is none (they become admin).
 *
 * When someone else saved meanwhile (the form's revision is no longer the latest, or a concurrent Save
 * won the next revision), nothing is stored and the modal is replaced (`response_action: "update"`) by the
 * saved setup with a notice naming who saved it and listing this person's edits that are not in it: a
 * form whose revision is gone cannot be saved, so field errors on it would leave them stuck, while the
 * refreshed form can be corrected and saved at once. One who is no longer an admin gets that as an error
 * instead. A database outage is not a conflict: it reaches the wrapper, which says so.
 */
import type { App } from "@slack/bolt";
import { mentionAll } from "../../src/cycle/people.ts";
import { isAdmin } from "../../src/cycle/roles.ts";
import { UserError } from "../../src/errors.ts";
import { DEFAULT_PHASES } from "../../src/team/default-template.ts";
import { formatIssues, type TeamConfig, TeamConfigSchema } from "../../src/team/team-config.ts";
import {
  ConfigChangedError,
  loadTeamConfigRevision,
  saveTeamConfig,
} from "../../src/team/team-config-store.ts";
import { CYCLE_VIEWS, SETUP_INPUTS } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import {
  type SetupSubmission,
  setupChangedNotice,
  setupTakenOverText,
  unsavedEdits,
} from "../../views/setup-changed.ts";
import { decodeSetupMeta, setupModal } from "../../views/setup-modal.ts";
import { Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { modalErrors, type ViewOutcome, wrapViewSubmission } from "../listener.ts";
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

/**
 * The answer to a Save made from a revision that is no longer the latest: the refreshed form with what
 * happened, or an error when the person is no longer an admin of the saved setup.
 */
async function changedMeanwhile(
  teamId: string,
  userId: string,
  submitted: SetupSubmission,
): Promise<ViewOutcome> {
  const latest = await loadTeamConfigRevision(teamId);
  if (!latest) throw new Error("setup: a save lost to another, yet no configuration is stored");
  const { config, revision, savedBy, savedAt } = latest;
  const at = { by: savedBy, at: savedAt, timezone: config.timezone };
  if (!isAdmin(config, userId)) {
    return modalErrors(SETUP_INPUTS.admins.block, setupTakenOverText({ ...at, admins: config.admins }));
  }
  const view = setupModal({
    admins: config.admins,
    sopChannel: config.channels.sop,
    execChannel: config.channels.exec,
    timezone: config.timezone,
    phases: config.phases,
    revision,
    notice: setupChangedNotice({ ...at, edits: unsavedEdits(submitted, config) }),
  });
  return { ack: { response_action: "update", view } };
}

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(CYCLE_VIEWS.setup);
  app.view(
    CYCLE_VIEWS.setup,
    wrapViewSubmission(deps, { errorBlockId: SETUP_INPUTS.admins.block }, async (ctx) => {
      const meta = decodeSetupMeta(ctx.view.private_metadata);
      if (!meta)
        throw new UserError("stale", "This form is out of date. Close it and run `/sop setup` again.");
      const loaded = await loadTeamConfigRevision(ctx.teamId);
      const current = loaded?.config ?? null;
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
      if ((loaded?.revision ?? null) !== meta.revision)
        return changedMeanwhile(ctx.teamId, ctx.userId, candidate);
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
      let saved: TeamConfig;
      try {
        saved = (
          await ctx.commit("the S&OP setup", () =>
            saveTeamConfig(candidate, ctx.userId, ctx.deps.clock.now(), meta.revision),
          )
        ).config;
      } catch (err) {
        // Lost the race for the next revision: nothing was stored; show the setup that won.
        if (err instanceof ConfigChangedError) return changedMeanwhile(ctx.teamId, ctx.userId, candidate);
        throw err;
      }
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

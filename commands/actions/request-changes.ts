/** The Request changes button: approvers only; opens the modal for the (required) comment. */
import type { App } from "@slack/bolt";
import { checkDecision } from "../../src/cycle/decide.ts";
import { CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import { requestChangesModal } from "../../views/request-changes-modal.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_ACTIONS } from "../known-ids.ts";
import { wrapAction } from "../listener.ts";
import { requireDecisionRef } from "./decision-ref.ts";

export function register(app: App, deps: AppDeps): void {
  KNOWN_ACTIONS.add(CYCLE_ACTIONS.requestChanges);
  app.action(
    CYCLE_ACTIONS.requestChanges,
    wrapAction(
      deps,
      async (ctx) => {
        const ref = requireDecisionRef((ctx.action as { value?: string }).value);
        const { phase } = await checkDecision(ctx.teamId, ref.period, ref.phase, ref.version, ctx.userId);
        await ctx.client.views.open({
          trigger_id: ctx.triggerId,
          view: requestChangesModal({
            period: ref.period,
            phase: phase.id,
            phaseName: phase.name,
            version: ref.version,
            submittedBy: phase.submittedBy,
          }),
        });
      },
      { urgent: true },
    ), // opens a modal: its trigger_id lapses 3 s after the click
  );
}

/** The request-changes modal's Send: approver and state re-checked; a stale request shows in the modal. */
import type { App } from "@slack/bolt";
import { decidePhase } from "../../src/cycle/decide.ts";
import { UserError } from "../../src/errors.ts";
import { CYCLE_VIEWS, REQUEST_CHANGES_INPUT } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { requireDecisionRef } from "../actions/decision-ref.ts";
import { announceDecision, Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { wrapViewSubmission } from "../listener.ts";
import { stateOf, textValue } from "./view-values.ts";

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(CYCLE_VIEWS.requestChanges);
  app.view(
    CYCLE_VIEWS.requestChanges,
    wrapViewSubmission(deps, { errorBlockId: REQUEST_CHANGES_INPUT.block }, async (ctx) => {
      const ref = requireDecisionRef(ctx.view.private_metadata);
      const comment = textValue(stateOf(ctx.view), REQUEST_CHANGES_INPUT).trim();
      if (!comment) throw new UserError("bad_input", "Say what needs to change: the comment is required.");
      const r = await ctx.commit(
        `your request for changes to ${ref.phase} v${ref.version} (${ref.period})`,
        () =>
          decidePhase(
            {
              teamId: ctx.teamId,
              ...ref,
              by: ctx.userId,
              at: ctx.deps.clock.now(),
              decision: "request_changes",
              comment,
            },
            ctx.log,
          ),
      );
      return {
        after: async () => {
          const d = new Deliveries(ctx.log);
          await announceDecision(ctx.client, d, r, null);
          // The modal has closed and there is no channel to answer in: only a failure is worth a DM.
          if (d.failed.length) {
            await dm(
              ctx.client,
              d,
              [ctx.userId],
              notice(`Changes to *${r.phase.name}* v${ref.version} were requested.${d.note()}`),
            );
          }
        },
      };
    }),
  );
}

/** "Submit plan" buttons in DMs and the App Home: the same checks as `/sop submit`, then the modal. */
import type { App } from "@slack/bolt";
import { UserError } from "../../src/errors.ts";
import { CYCLE_ACTIONS, decodePhaseRef } from "../../views/cycle-ids.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_ACTIONS } from "../known-ids.ts";
import { wrapAction } from "../listener.ts";
import { openSubmitModal } from "../sop/submit.ts";

export function register(app: App, deps: AppDeps): void {
  KNOWN_ACTIONS.add(CYCLE_ACTIONS.openSubmit);
  app.action(
    CYCLE_ACTIONS.openSubmit,
    wrapAction(
      deps,
      async (ctx) => {
        const ref = decodePhaseRef((ctx.action as { value?: string }).value);
        if (!ref) throw new UserError("stale", "This button is not valid any more. Try `/sop submit PHASE`.");
        await openSubmitModal(ctx.client, {
          teamId: ctx.teamId,
          userId: ctx.userId,
          phaseId: ref.phase,
          period: ref.period,
          triggerId: ctx.triggerId,
          now: ctx.deps.clock.now(),
        });
      },
      { urgent: true },
    ), // opens a modal: its trigger_id lapses 3 s after the click
  );
}

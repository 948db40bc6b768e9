/** The Approve button (sign-off message or App Home): approvers only; stale clicks change nothing. */
import type { App } from "@slack/bolt";
import { decidePhase } from "../../src/cycle/decide.ts";
import { logFailure } from "../../src/logger.ts";
import { APPROVE_ACTION_IDS } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { announceDecision, Deliveries } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { publishHome } from "../events/app-home.ts";
import { KNOWN_ACTIONS } from "../known-ids.ts";
import { wrapAction } from "../listener.ts";
import { announceReports, reportsAfter } from "../report-notify.ts";
import { clickedMessage, fromHome, requireDecisionRef } from "./decision-ref.ts";

export function register(app: App, deps: AppDeps): void {
  const listener = wrapAction(deps, async (ctx) => {
    const ref = requireDecisionRef((ctx.action as { value?: string }).value);
    const r = await ctx.commit(`your approval of ${ref.phase} v${ref.version} (${ref.period})`, () =>
      decidePhase(
        { teamId: ctx.teamId, ...ref, by: ctx.userId, at: ctx.deps.clock.now(), decision: "approve" },
        ctx.log,
      ),
    );
    const d = new Deliveries(ctx.log);
    await announceDecision(ctx.client, d, r, clickedMessage(ctx.body));
    const next = r.opened ? ` *${r.opened.name}* is open now; its owners have been told.` : "";
    const closed = r.closed ? ` That was the last phase: the ${r.cycle.period} cycle is closed. :tada:` : "";
    const chosen = r.event.scenario ? ` Scenario *${r.event.scenario}* is the published plan.` : "";
    const follows = reportsAfter(r).stage
      ? ` The S&OP report is being built for <#${r.cfg.channels.exec}>.`
      : "";
    await ctx.reply(
      notice(
        `:white_check_mark: You approved *${r.phase.name}* v${ref.version} for ${r.cycle.period}.${chosen}${next}${closed}${follows}${d.note()}`,
      ),
    );
    // After the reply: the report takes a few seconds to build for thousands of families.
    const later = new Deliveries(ctx.log);
    await announceReports(ctx.client, later, r, ctx.deps.clock.now());
    if (later.failed.length) await ctx.reply(notice(later.note().trim()));
    if (fromHome(ctx.body))
      await publishHome(ctx.client, deps, ctx.teamId, ctx.userId).catch((err) =>
        logFailure(ctx.log, err, "App Home not refreshed after an approval", {}, "warn"),
      );
  });
  for (const id of APPROVE_ACTION_IDS) {
    KNOWN_ACTIONS.add(id);
    app.action(id, listener);
  }
}

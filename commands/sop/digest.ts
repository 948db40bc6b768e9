/**
 * `/sop digest` (admins): post the weekly digest to the exec channel now; `/sop digest preview`: show it
 * only to the caller. A manual post does not count as the week's scheduled run.
 */

import { postDigest, prepareCharts } from "../../jobs/digest.ts";
import { assembleDigest, refreshDigestFacts, reportingWeek } from "../../src/digest/index.ts";
import { UserError } from "../../src/errors.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { digestMessage } from "../../views/digest.ts";
import { notice } from "../../views/notice.ts";
import { channelRef } from "../../views/text.ts";
import type { Subcommand } from "./subcommand.ts";

export const digest: Subcommand = {
  name: "digest",
  run: async (ctx) => {
    const cfg = await requireTeamConfig(ctx.teamId);
    if (!cfg.admins.includes(ctx.userId)) {
      throw new UserError("not_authorized", "Only S&OP admins can post or preview the digest on demand.");
    }
    const mode = (ctx.args[0] ?? "").toLowerCase();
    if (mode !== "" && mode !== "preview") {
      throw new UserError(
        "bad_input",
        `Unknown option "${ctx.args[0]!.slice(0, 30)}": use \`/sop digest\` or \`/sop digest preview\`.`,
      );
    }
    const now = ctx.deps.clock.now();
    if (mode === "preview") {
      // On demand means current: the facts are recomputed (the scheduled digest uses the KPI job's).
      await refreshDigestFacts(ctx.teamId, cfg, reportingWeek(now, cfg.timezone), now, ctx.log);
      const data = await assembleDigest(ctx.teamId, cfg, now);
      // Ephemeral messages cannot carry files: QuickChart images when configured, else a note.
      const images =
        ctx.deps.env.CHART_MODE === "quickchart"
          ? (await prepareCharts(data.charts, ctx.deps.env)).images
          : [];
      const message = digestMessage(data, { images });
      message.blocks.push({
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `_Preview, only you can see it. \`/sop digest\` posts it to ${channelRef(cfg.channels.exec)}${images.length < data.charts.length ? " with the chart images" : ""}._`,
          },
        ],
      });
      await ctx.reply(message);
      return;
    }
    const r = await postDigest(ctx.client, {
      teamId: ctx.teamId,
      now,
      env: ctx.deps.env,
      log: ctx.log,
      config: cfg,
    });
    if (!r.posted) {
      throw new UserError(
        "unavailable",
        `The digest could not be posted to ${channelRef(cfg.channels.exec)}.`,
        r.failures.map((f) => `${f.what}: ${f.code}`),
      );
    }
    const charts = r.images.length + r.files.length;
    const problems = r.failures.length
      ? ` Some parts failed: ${r.failures.map((f) => `${f.what}: ${f.code}`).join("; ")}.`
      : "";
    await ctx.reply(
      notice(
        `Digest ${r.data.week.week} posted to ${channelRef(cfg.channels.exec)} with ${charts} chart${charts === 1 ? "" : "s"}.${problems}`,
      ),
    );
  },
};

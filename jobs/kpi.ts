/**
 * The daily KPI recompute: the KPI engine's snapshots of last week (final) and this week so far, the
 * per-family facts of the last complete week for the digest, then the executive dashboards refreshed.
 */
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../commands/deps.ts";
import { refreshExecDashboards } from "../commands/exec-dashboard.ts";
import { asClients, type SlackClients } from "../commands/oauth/team-clients.ts";
import { refreshDigestFacts, reportingWeek } from "../src/digest/index.ts";
import { refreshSnapshots } from "../src/kpi/snapshots.ts";
import type { JobContext, JobDefinition } from "../src/schedule/job.ts";

export async function recomputeKpis(
  client: WebClient,
  deps: AppDeps,
  ctx: Pick<JobContext, "teamId" | "now" | "clock" | "config" | "log">,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const snapshots = await refreshSnapshots(ctx.teamId, ctx.clock);
  const snapMs = Math.round(performance.now() - started);
  const week = reportingWeek(ctx.now, ctx.config.timezone);
  await refreshDigestFacts(ctx.teamId, ctx.config, week, ctx.clock.now(), ctx.log);
  const factsMs = Math.round(performance.now() - started) - snapMs;
  const dashboards = await refreshExecDashboards(client, deps, ctx.teamId);
  const summary = { weeks: snapshots.map((s) => s.week), factsWeek: week.week, dashboards, snapMs, factsMs };
  ctx.log.info(summary, "KPIs recomputed");
  return summary;
}

export function kpiJob(clientOrClients: WebClient | SlackClients, deps: AppDeps): JobDefinition {
  const clients = asClients(clientOrClients);
  return {
    name: "kpi",
    period: "day",
    cron: (cfg) => cfg.schedules.kpi,
    run: async (ctx) => recomputeKpis(await clients.forTeam(ctx.teamId), deps, ctx),
  };
}

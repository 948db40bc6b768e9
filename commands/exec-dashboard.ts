/**
 * The executive review dashboard in App Home: registers its section with the App Home publisher
 * (executives and admins only), and re-publishes those people's App Home when a cycle changed — after
 * any interaction that moved a phase (a middleware that looks once the listener has finished, off the
 * ack path) and after each KPI recompute (jobs/kpi.ts).
 */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { nearbyCycles } from "../src/cycle/nearby-cycles.ts";
import { dashboardAudience, dashboardData, seesDashboard } from "../src/digest/dashboard.ts";
import { loadTeamConfig } from "../src/team/team-config-store.ts";
import { execDashboardBlocks } from "../views/exec-dashboard.ts";
import type { AppDeps } from "./deps.ts";
import { addHomeSection, publishHome } from "./events/app-home.ts";

/** Re-publishes the App Home of every executive and admin of the team. */
export async function refreshExecDashboards(
  client: WebClient,
  deps: AppDeps,
  teamId: string,
): Promise<number> {
  const cfg = await loadTeamConfig(teamId);
  if (!cfg) return 0;
  let published = 0;
  for (const userId of dashboardAudience(cfg)) {
    try {
      await publishHome(client, deps, teamId, userId);
      published++;
    } catch (err) {
      deps.logger.warn(
        { team: teamId, user: userId, err: (err as Error).message },
        "dashboard refresh failed for a user",
      );
    }
  }
  return published;
}

/** What the team's nearby cycles look like now (period and revision), to notice a change cheaply. */
async function cycleSignature(teamId: string, now: Date): Promise<string | null> {
  const cfg = await loadTeamConfig(teamId);
  if (!cfg) return null;
  const cycles = await nearbyCycles(teamId, cfg, now);
  return cycles.map((c) => `${c.period}:${c.rev}`).join(",");
}

function teamOf(body: Record<string, unknown>): string {
  const team = body.team as { id?: string } | undefined;
  const user = body.user as { team_id?: string } | undefined;
  return String(body.team_id ?? team?.id ?? user?.team_id ?? "");
}

/** Interactions that may move a phase: buttons, modal submissions, `/sop start`. */
function mayChangeCycle(body: Record<string, unknown>): boolean {
  if (body.type === "block_actions" || body.type === "view_submission") return true;
  return body.command === "/sop" && /^\s*start\b/i.test(String(body.text ?? ""));
}

export function register(app: App, deps: AppDeps): void {
  addHomeSection(async ({ teamId, userId, cfg, now }) => {
    if (!seesDashboard(cfg, userId)) return [];
    return execDashboardBlocks(await dashboardData(teamId, cfg, now));
  });

  // Last seen cycle signature per team in this process: an optimisation only (a replica that has not
  // seen it refreshes once); never a lock.
  const seen = new Map<string, string>();
  app.use(async ({ body, next, client }) => {
    const b = body as unknown as Record<string, unknown>;
    const teamId = teamOf(b);
    if (!teamId || !mayChangeCycle(b)) return next();
    // Tracked before the listener runs, so shutdown (and tests) wait for the refresh that follows it.
    let listenerDone: () => void = () => {};
    const gate = new Promise<void>((r) => {
      listenerDone = r;
    });
    const work = deps.inFlight.track(
      (async () => {
        await gate;
        const signature = await cycleSignature(teamId, deps.clock.now());
        if (signature === null || seen.get(teamId) === signature) return;
        seen.set(teamId, signature);
        const n = await refreshExecDashboards(client, deps, teamId);
        deps.logger.debug(
          { team: teamId, published: n },
          "executive dashboards refreshed after a cycle change",
        );
      })().catch((err) => deps.logger.warn({ err: (err as Error).message }, "dashboard refresh failed")),
    );
    try {
      await next();
    } finally {
      listenerDone();
    }
    await work;
  });
}

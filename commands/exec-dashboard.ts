/**
 * The executive review dashboard in App Home: registers its section with the App Home publisher
 * (executives and admins only), and re-publishes those people's App Home when a cycle changed — after
 * any interaction whose listener committed a cycle change in this process (a middleware that looks once
 * the listener and its work have finished, off the ack path) and after each KPI recompute (jobs/kpi.ts).
 */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { committedChanges } from "../src/cycle/cycle-store.ts";
import { dashboardAudience, dashboardData, seesDashboard } from "../src/digest/dashboard.ts";
import { logFailure } from "../src/logger.ts";
import { loadTeamConfig } from "../src/team/team-config-store.ts";
import { execDashboardBlocks } from "../views/exec-dashboard.ts";
import type { AppDeps } from "./deps.ts";
import { addHomeSection, type HomeSection, publishHome } from "./events/app-home.ts";

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
      logFailure(
        deps.logger,
        err,
        "dashboard refresh failed for a user",
        { team: teamId, user: userId },
        "warn",
      );
    }
  }
  return published;
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

/** One function for every app in the process, so a second app does not add the section twice. */
const dashboardSection: HomeSection = async ({ teamId, userId, cfg, now }) => {
  if (!seesDashboard(cfg, userId)) return [];
  return execDashboardBlocks(await dashboardData(teamId, cfg, now));
};

export function register(app: App, deps: AppDeps): void {
  addHomeSection(dashboardSection);

  // After the interaction's listener (and its work) finished: refresh only if it committed a change.
  app.use(async ({ body, next, client }) => {
    const b = body as unknown as Record<string, unknown>;
    const teamId = teamOf(b);
    if (!teamId || !mayChangeCycle(b)) return next();
    const before = committedChanges(teamId);
    // Tracked from before the listener runs until the refresh is scheduled, so shutdown (and tests)
    // never see a moment with nothing in flight between the two.
    let decided: () => void = () => {};
    void deps.inFlight.track(new Promise<void>((r) => (decided = r)));
    try {
      await next();
    } finally {
      if (committedChanges(teamId) !== before)
        void deps.inFlight.schedule(async () => {
          const n = await refreshExecDashboards(client, deps, teamId).catch((err) => {
            logFailure(deps.logger, err, "dashboard refresh failed", { team: teamId });
            return 0;
          });
          deps.logger.debug(
            { team: teamId, published: n },
            "executive dashboards refreshed after a cycle change",
          );
        });
      decided();
    }
  });
}

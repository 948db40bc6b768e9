/**
 * The App Home tab (`app_home_opened` → views.publish): the person's open tasks and the nearby cycles.
 * Other features add sections with `addHomeSection` (e.g. the executive dashboard); each provider's
 * failure only drops its own section.
 */

import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { listOpenTasks } from "../../src/cycle/open-tasks.ts";
import { cycleReport } from "../../src/cycle/status-report.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { appHomeView } from "../../views/app-home.ts";
import type { KnownBlock } from "../../views/message.ts";
import type { AppDeps } from "../deps.ts";

export type HomeSection = (ctx: {
  teamId: string;
  userId: string;
  cfg: TeamConfig;
  now: Date;
}) => Promise<KnownBlock[]>;

const sections: HomeSection[] = [];

/** Registers extra App Home blocks, shown after the cycle part (keep them small: 100 blocks in all). */
export function addHomeSection(section: HomeSection): void {
  if (!sections.includes(section)) sections.push(section);
}

export async function publishHome(
  client: WebClient,
  deps: AppDeps,
  teamId: string,
  userId: string,
): Promise<void> {
  const now = deps.clock.now();
  const { tasks, cycles, cfg } = await listOpenTasks(teamId, userId, now);
  const extra: KnownBlock[] = [];
  if (cfg) {
    for (const section of sections) {
      try {
        extra.push(...(await section({ teamId, userId, cfg, now })));
      } catch (err) {
        deps.logger.warn({ err, teamId }, "an App Home section failed; published without it");
      }
    }
  }
  const view = appHomeView({
    userId,
    tasks,
    cycles: cycles.map((c) => cycleReport(c, cfg, now)),
    timezone: cfg?.timezone ?? "UTC",
    unconfigured: !cfg,
    extraBlocks: extra,
  });
  await client.views.publish({ user_id: userId, view: view });
}

export function register(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = String((body as { team_id?: string }).team_id ?? "");
    const userId = event.user;
    const log = deps.logger.child({ kind: "event", event: "app_home_opened", team: teamId, user: userId });
    if (!teamId || !userId) return;
    await deps.inFlight.schedule(() =>
      publishHome(client, deps, teamId, userId).catch((err) => log.error({ err }, "App Home not published")),
    );
  });
}

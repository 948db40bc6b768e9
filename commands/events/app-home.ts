/**
 * The App Home tab (`app_home_opened` → views.publish): the person's open tasks and the nearby cycles.
 * Other features add sections with `addHomeSection` (e.g. the executive dashboard); each provider's
 * failure only drops its own section.
 */

import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { listOpenTasks } from "../../src/cycle/open-tasks.ts";
import { cycleReport } from "../../src/cycle/status-report.ts";
import { logFailure } from "../../src/logger.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { appHomeView } from "../../views/app-home.ts";
import type { KnownBlock } from "../../views/message.ts";
import type { AppDeps } from "../deps.ts";
import { handleEventOnce } from "./handle-once.ts";

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
        logFailure(deps.logger, err, "an App Home section failed; published without it", { teamId });
      }
    }
  }
  const publish = (extraBlocks: KnownBlock[]) =>
    client.views.publish({
      user_id: userId,
      view: appHomeView({
        userId,
        tasks,
        cycles: cycles.map((c) => cycleReport(c, cfg, now)),
        timezone: cfg?.timezone ?? "UTC",
        unconfigured: !cfg,
        extraBlocks,
      }),
    });
  try {
    await publish(extra);
  } catch (err) {
    // Slack refuses the whole view for one image it cannot show (a `slack_file` this person may not
    // see, a deleted file, an image URL it cannot fetch): publish without the images, then without extras.
    if (!extra.length || slackErrorCode(err) !== "invalid_blocks") throw err;
    const ref = logFailure(
      deps.logger,
      err,
      "App Home refused with its images; publishing without them",
      {
        teamId,
        userId,
      },
      "warn",
    );
    const withoutImages = extra.filter((b) => b.type !== "image");
    const note: KnownBlock = {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Charts cannot be shown here right now (ref ${ref}); the weekly digest in the exec channel has them.`,
        },
      ],
    };
    try {
      await publish([...withoutImages, note]);
    } catch (again) {
      if (slackErrorCode(again) !== "invalid_blocks") throw again;
      await publish([note]);
    }
  }
}

function slackErrorCode(err: unknown): string | undefined {
  return (err as { data?: { error?: string } }).data?.error;
}

export function register(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, body, client, context }) => {
    if (event.tab !== "home") return;
    const teamId = String((body as { team_id?: string }).team_id ?? "");
    const userId = event.user;
    const log = deps.logger.child({ kind: "event", event: "app_home_opened", team: teamId, user: userId });
    if (!teamId || !userId) return;
    await handleEventOnce(deps, {
      body,
      teamId,
      retryNum: context.retryNum,
      log,
      failure: "App Home not published",
      work: () => publishHome(client, deps, teamId, userId),
    });
  });
}

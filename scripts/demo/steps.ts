/** The demo's steps in order: setup, actuals and KPIs, the month's cycle, reminders, the digest. */
import { relative } from "node:path";
import { repoRoot } from "../../src/db/provision.ts";
import { cli, type DemoContext, slash, TEAM, tick } from "./context.ts";
import { CYCLE_STEPS } from "./cycle-steps.ts";
import { FEED_KINDS, feedFiles } from "./feed.ts";

export interface DemoStep {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}

async function mustCli(ctx: DemoContext, args: string[], opts: { record?: boolean } = {}): Promise<string> {
  const r = await cli(ctx, args, opts);
  if (r.code !== 0) throw new Error(`sop ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: "Setup: the team configuration is imported from examples/team.json",
    run: async (ctx) => {
      await mustCli(ctx, ["config", "import", "examples/team.json"]);
    },
  },
  {
    title: "Anyone can ask the bot what it does",
    run: async (ctx) => {
      await slash(ctx, "demand", "help");
    },
  },
  {
    title:
      "Actuals to Sunday 29 November arrive from the ERP feed (command line); importing twice changes nothing",
    run: async (ctx) => {
      const files = feedFiles(ctx, "2026-11-29");
      for (const kind of FEED_KINDS) {
        await mustCli(ctx, ["import", kind, relative(repoRoot, files[kind]), "--team", TEAM]);
      }
      await mustCli(ctx, ["import", "orders", relative(repoRoot, files.orders), "--team", TEAM]);
      await mustCli(ctx, ["kpi", "--team", "T0SIM", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]);
      // Backfill the weekly KPI snapshots of the last quarter, so the digest has a trend to show.
      const weeks: string[] = [];
      for (let w = 36; w <= 47; w++) {
        const r = await cli(ctx, ["kpi", "snapshot", "--team", "T0SIM", "--week", `2026-W${w}`], {
          record: false,
        });
        if (r.code !== 0) throw new Error(`kpi snapshot failed: ${r.stderr}`);
        weeks.push(`2026-W${w}`);
      }
      ctx.transcript.terminal(
        "for w in $(seq 36 47); do sop kpi snapshot --team T0SIM --week 2026-W$w; done",
        `stored ${weeks.length} weekly KPI snapshots (${weeks[0]} … ${weeks.at(-1)})\n`,
      );
    },
  },
  {
    title: "Lena checks November's KPIs in Slack",
    run: async (ctx) => {
      await slash(ctx, "lead", "kpi 2026-11");
    },
  },
  {
    title:
      "Monday 30 November, 09:00 — the scheduler's weekly run: KPI snapshot and the digest for week 48 in #exec-sop",
    run: async (ctx) => {
      await tick(ctx, "2026-11-30T08:00:00Z");
      await slash(ctx, "lead", "digest preview");
    },
  },
  ...CYCLE_STEPS,
];

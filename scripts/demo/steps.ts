/** The demo's steps in order: setup, actuals and KPIs, the month's cycle, reminders, the digest. */
import { cli, type DemoContext, slash } from "./context.ts";
import { CYCLE_STEPS } from "./cycle-steps.ts";

export interface DemoStep {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}

async function mustCli(ctx: DemoContext, args: string[]): Promise<string> {
  const r = await cli(ctx, args);
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
    title: "Actuals arrive from the ERP feed (command line); importing twice changes nothing",
    run: async (ctx) => {
      for (const kind of ["orders", "demand", "production", "inventory"]) {
        await mustCli(ctx, ["import", kind, `examples/${kind}.csv`, "--team", "T0SIM"]);
      }
      await mustCli(ctx, ["import", "orders", "examples/orders.csv", "--team", "T0SIM"]);
      await mustCli(ctx, ["kpi", "--team", "T0SIM", "--from", "2026-11-01", "--to", "2026-11-30", "--json"]);
    },
  },
  {
    title: "Lena checks November's KPIs in Slack",
    run: async (ctx) => {
      await slash(ctx, "lead", "kpi 2026-11");
    },
  },
  ...CYCLE_STEPS,
];

/** The demo's steps in order; each later issue adds its part of the month here. */
import { cli, type DemoContext, slash } from "./context.ts";

export interface DemoStep {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: "Setup: the team configuration is imported from examples/team.json",
    run: async (ctx) => {
      const r = await cli(ctx, ["config", "import", "examples/team.json"]);
      if (r.code !== 0) throw new Error(`config import failed: ${r.stderr}`);
    },
  },
  {
    title: "Anyone can ask the bot what it does",
    run: async (ctx) => {
      await slash(ctx, "demand", "help");
    },
  },
];

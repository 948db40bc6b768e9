/** Team configurations and test jobs for the scheduler tests. */
import { readFileSync } from "node:fs";
import mongoose from "mongoose";
import type { JobDefinition } from "../../src/schedule/job.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";

export const EXAMPLE_TEAM = JSON.parse(
  readFileSync(new URL("../../examples/team.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

export function teamConfig(team: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(EXAMPLE_TEAM), team, ...overrides };
}

export async function saveTeam(team: string, overrides: Record<string, unknown> = {}): Promise<TeamConfig> {
  return (await saveTeamConfig(teamConfig(team, overrides), "U0LEAD", new Date())).config;
}

/** Removes every team configuration and its revisions (between tests). */
export async function clearTeamConfigs(): Promise<void> {
  await mongoose.connection.collection("team_config_revisions").deleteMany({});
  await mongoose.connection.collection("team_configs").deleteMany({});
}

/** Where test jobs record every execution (a random `_id` each: duplicates would show). */
export const effects = () => mongoose.connection.collection("test_job_effects");

export interface EffectDoc {
  teamId: string;
  job: string;
  periodKey: string;
  attempt: number;
  owner: string;
  phase: "start" | "end";
}

let seq = 0;

/** Three jobs shaped like the real ones (same crons from the configuration), recording effects. */
export function recordingJobs(owner: string, opts: { workMs?: number } = {}): JobDefinition[] {
  const make = (name: string, period: "day" | "week", cron: (c: TeamConfig) => string): JobDefinition => ({
    name,
    period,
    cron,
    run: async (ctx) => {
      const doc = { teamId: ctx.teamId, job: name, periodKey: ctx.periodKey, attempt: ctx.attempt, owner };
      await effects().insertOne({ ...doc, phase: "start", seq: ++seq });
      if (opts.workMs) await new Promise((r) => setTimeout(r, opts.workMs));
      await effects().insertOne({ ...doc, phase: "end", seq: ++seq });
      return { ok: true };
    },
  });
  return [
    make("kpi", "day", (c) => c.schedules.kpi),
    make("digest", "week", (c) => c.schedules.digest),
    make("reminders", "day", (c) => c.schedules.reminders),
  ];
}

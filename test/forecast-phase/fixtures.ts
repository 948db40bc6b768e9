/** Shared set-up for the forecast-phase tests: a team, a cycle, demand actuals, plans pushed through the cycle. */
import { readFileSync } from "node:fs";
import { decidePhase } from "../../src/cycle/decide.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { upsertActuals } from "../../src/store/actuals/index.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { isoWeekMonday } from "../../src/time/iso-week.ts";

export const TEAM = "T0SIM";
export const PERIOD = "2027-01";
export const AT = new Date("2027-01-02T09:00:00Z");

export const example = JSON.parse(readFileSync(new URL("../../examples/team.json", import.meta.url), "utf8"));

export async function setUpTeam(
  overrides: Partial<TeamConfig> & { team?: string } = {},
): Promise<TeamConfig> {
  return (await saveTeamConfig({ ...example, horizonMonths: 3, ...overrides }, "U0LEAD", AT)).config;
}

export async function startTestCycle(teamId = TEAM, period = PERIOD) {
  return startCycle({ teamId, period, by: "U0LEAD", at: AT });
}

/** Demand actuals stored as an import stores them (without going through a CSV). */
export async function insertDemand(
  teamId: string,
  rows: { family: string; period: string; actual: number }[],
) {
  await upsertActuals(
    teamId,
    "demand",
    rows.map((r) => ({
      family: r.family,
      period: r.period,
      start: r.period.includes("W") ? isoWeekMonday(r.period) : `${r.period}-01`,
      forecastQty: 0,
      actualQty: r.actual,
    })),
  );
}

/** `count` months ending the month before `cycle`, value f(i) (i = 0 oldest). */
export function months(family: string, cycle: string, count: number, f: (i: number) => number) {
  const [y, m] = cycle.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const idx = y * 12 + (m - 1) - count + i;
    return {
      family,
      period: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`,
      actual: f(i),
    };
  });
}

export function csv(header: string, rows: (string | number)[][]): string {
  return `${header}\n${rows.map((r) => r.join(",")).join("\n")}\n`;
}

/** Submits and approves one phase through the cycle engine. */
export async function submitAndApprove(
  phase: string,
  owner: string,
  approver: string,
  text: string,
  teamId = TEAM,
) {
  const s = await submitPlan({ teamId, period: PERIOD, phase, by: owner, at: AT, csv: text, source: "cli" });
  await decidePhase({
    teamId,
    period: PERIOD,
    phase,
    version: s.version,
    by: approver,
    at: AT,
    decision: "approve",
  });
  return s.version;
}

type PlanRow = [family: string, period: string, quantity: number];

/** The statistical baseline (data phase) and the consensus (demand phase), both approved. */
export async function approveBaselineAndConsensus(baseline: PlanRow[], consensus: PlanRow[]) {
  await submitAndApprove("data", "U0ANALYST", "U0LEAD", csv("family,period,quantity", baseline));
  await submitAndApprove("demand", "U0DP", "U0SALES", csv("family,period,quantity", consensus));
}

export { sop as run } from "../support/cli-run.ts";

/**
 * A cycle brought up to the financial review's sign-off for the report-in-Slack tests: three families over
 * two months, ALPHA and BRAVO short (supply below demand, at capacity) in the base supply plan and
 * covered by the `overtime` scenario, CHARLIE fine. Steps before finance go through the domain; finance
 * is submitted through the real modal, so its sign-off request with Approve buttons waits in Slack.
 */
import { ManualClock } from "../../src/clock.ts";
import { decidePhase } from "../../src/cycle/decide.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import {
  as,
  command,
  configureTeam,
  LEAD,
  openModal,
  pasteValues,
  submitModal,
  TEAM,
} from "../cycle/helpers.ts";
import { csv } from "../forecast-phase/fixtures.ts";
import type { Harness } from "../support/harness.ts";

export const PERIOD = "2027-01";
const MONTHS = ["2027-01", "2027-02"];
export const newReportClock = () => new ManualClock(new Date("2027-01-02T08:00:00Z"));

export const perMonth = (fn: (family: string, month: string) => (string | number)[]) =>
  ["ALPHA", "BRAVO", "CHARLIE"].flatMap((f) => MONTHS.map((m) => fn(f, m)));

export const demand = csv(
  "family,period,quantity",
  perMonth((f, m) => [f, m, f === "CHARLIE" ? 50 : 110]),
);
const baseSupply = csv(
  "family,period,quantity,capacity",
  perMonth((f, m) => [f, m, f === "CHARLIE" ? 50 : 100, f === "CHARLIE" ? 200 : 100]),
);
const overtimeSupply = csv(
  "family,period,quantity,capacity",
  perMonth((f, m) => [f, m, f === "CHARLIE" ? 50 : 115, f === "CHARLIE" ? 200 : 140]),
);
const finance = csv(
  "family,period,quantity,revenue",
  perMonth((f, m) => [f, m, f === "CHARLIE" ? 50 : 110, f === "CHARLIE" ? 500 : 1100]),
);

export async function step(
  clock: ManualClock,
  phase: string,
  owner: string,
  body: string,
  scenario?: string,
) {
  return submitPlan({
    teamId: TEAM,
    period: PERIOD,
    phase,
    by: owner,
    at: clock.now(),
    csv: body,
    source: "cli",
    ...(scenario ? { scenario } : {}),
  });
}

export async function approve(clock: ManualClock, phase: string, version: number, by: string) {
  await decidePhase({
    teamId: TEAM,
    period: PERIOD,
    phase,
    version,
    by,
    at: clock.now(),
    decision: "approve",
  });
}

/** Starts the cycle and takes it to the financial review's sign-off request (finance v1 submitted in Slack). */
export async function upToFinancialSignoff(h: Harness, clock: ManualClock): Promise<void> {
  await configureTeam({ horizonMonths: 2 });
  await command(h, LEAD, `start ${PERIOD}`);
  await step(clock, "data", "U0ANALYST", demand);
  await approve(clock, "data", 1, "U0LEAD");
  await step(clock, "demand", "U0DP", demand);
  await approve(clock, "demand", 1, "U0SALES");
  await step(clock, "supply", "U0SP", baseSupply);
  await step(clock, "supply", "U0SP", overtimeSupply, "overtime");
  await approve(clock, "supply", 2, "U0OPS");
  const fin = await openModal(h, as("U0FIN"), "submit finance");
  await submitModal(h, as("U0FIN"), fin, pasteValues(finance));
}

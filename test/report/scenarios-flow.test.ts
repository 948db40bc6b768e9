/**
 * Scenarios over signed HTTP, the stand-in and the real database, on a template whose supply and
 * executive phases have ids that are not role names (behaviour follows the role): the supply planner
 * submits a base and an overtime alternative, finance an outsource one; a fourth name and a malformed
 * name are refused in the modal with nothing stored; approving the supply phase approves both; the
 * executive sign-off offers one Approve per scenario, and the one approved becomes the published plan.
 */
import { describe, expect, it } from "vitest";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { decidePhase } from "../../src/cycle/decide.ts";
import { publishedVersion } from "../../src/cycle/scenarios.ts";
import { approvedPlan } from "../../src/plans/approved-plan.ts";
import { APPROVE_ACTION_IDS, CYCLE_ACTIONS, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import {
  as,
  clickButton,
  command,
  configureTeam,
  dbState,
  exampleTeam,
  LEAD,
  openModal,
  pasteValues,
  signoffMessage,
  submitModal,
  TEAM,
  textOf,
} from "../cycle/helpers.ts";
import { csv } from "../forecast-phase/fixtures.ts";
import { useHarness } from "../support/harness.ts";
import { findElement } from "../support/slack-driver.ts";
import { approve, newReportClock, PERIOD, step } from "./report-flow.ts";

const clock = newReportClock();

const SP = as("U0SP");
const FIN = as("U0FIN");

function withScenario(csvText: string, scenario: string) {
  return {
    ...pasteValues(csvText),
    [SUBMIT_INPUTS.scenario.block]: {
      [SUBMIT_INPUTS.scenario.action]: { type: "plain_text_input", value: scenario },
    },
  };
}

/** The example template with the supply phase as `ops_review` and the executive phase as `board`. */
function renamedPhases() {
  const phases = (exampleTeam().phases as { id: string }[]).map((p) =>
    p.id === "supply"
      ? { ...p, id: "ops_review", role: "supply" }
      : p.id === "exec"
        ? { ...p, id: "board", role: "exec" }
        : p,
  );
  return { horizonMonths: 2, phases };
}

const supply = (extra: number) =>
  csv("family,period,quantity,capacity", [
    ["A", "2027-01", 100 + extra, 120],
    ["A", "2027-02", 100 + extra, 120],
  ]);
const finance = (revenue: number) =>
  csv("family,period,quantity,revenue", [
    ["A", "2027-01", 100, revenue],
    ["A", "2027-02", 100, revenue],
  ]);

async function domainStep(phase: string, owner: string, approver: string, body: string) {
  await step(clock, phase, owner, body);
  await approve(clock, phase, 1, approver);
}

describe("scenarios", () => {
  const h = useHarness("scenarios", { clock });

  // Pre-S&OP's opening builds the S&OP report (PDF, workbook, charts): a busy machine needs more than 30 s.
  it("supply and finance submit named alternatives; the executive approval publishes one", {
    timeout: 180_000,
  }, async () => {
    await configureTeam(renamedPhases());
    await command(h(), LEAD, `start ${PERIOD}`);
    const demand = csv("family,period,quantity", [
      ["A", "2027-01", 110],
      ["A", "2027-02", 110],
    ]);
    await domainStep("data", "U0ANALYST", "U0LEAD", demand);
    await domainStep("demand", "U0DP", "U0SALES", demand);

    // Supply: base, then an overtime alternative while the base waits for sign-off.
    const first = await openModal(h(), SP, "submit ops_review");
    expect(textOf(first.view.blocks)).toContain("Scenario");
    expect(await submitModal(h(), SP, first, pasteValues(supply(0)))).toBeNull();
    const second = await openModal(h(), SP, "submit ops_review");
    expect(textOf(second.view.blocks)).toContain("So far: base v1");
    expect(await submitModal(h(), SP, second, withScenario(supply(20), "Overtime"))).toBeNull();
    let cycle = (await getCycle(TEAM, PERIOD))!;
    expect(cycle.phases.ops_review).toMatchObject({
      status: "submitted",
      version: 2,
      scenarios: { base: 1, overtime: 2 },
    });
    const overtimeRequest = signoffMessage(h(), "Supply review", 2);
    expect(textOf(overtimeRequest.blocks)).toContain("Sign-off: Supply review v2 (overtime)");
    // Compared with the base, not with nothing.
    expect(textOf(overtimeRequest.blocks)).toContain("Changes vs v1");

    // A malformed name is refused in the modal; nothing stored.
    const before = await dbState();
    const bad = await openModal(h(), SP, "submit ops_review");
    const badAck = (await submitModal(h(), SP, bad, withScenario(supply(5), "two words"))) as {
      errors?: Record<string, string>;
    };
    expect(badAck?.errors?.[SUBMIT_INPUTS.scenario.block]).toContain('"two words" is not a scenario name');
    expect(await dbState()).toEqual(before);

    // The stale v1 request says v2 came since; approving v2 approves both scenarios.
    const stale = await clickButton(
      h(),
      as("U0OPS"),
      signoffMessage(h(), "Supply review", 1),
      CYCLE_ACTIONS.approve,
    );
    expect(textOf(stale)).toContain("v2 has been submitted since");
    await clickButton(h(), as("U0OPS"), overtimeRequest, CYCLE_ACTIONS.approve);
    cycle = (await getCycle(TEAM, PERIOD))!;
    expect(cycle.phases.ops_review!.approvedScenarios).toEqual({ base: 1, overtime: 2 });
    // Before the executive choice the one approved plan is the base.
    expect(publishedVersion(cycle, "ops_review")).toBe(1);
    expect((await approvedPlan(TEAM, PERIOD, "ops_review"))!.version).toBe(1);

    // Finance: base and outsource fill the cycle's three; a fourth name is refused.
    const fin1 = await openModal(h(), FIN, "submit finance");
    await submitModal(h(), FIN, fin1, pasteValues(finance(1000)));
    const fin2 = await openModal(h(), FIN, "submit finance");
    await submitModal(h(), FIN, fin2, withScenario(finance(900), "outsource"));
    const full = await dbState();
    const fin3 = await openModal(h(), FIN, "submit finance");
    const fullAck = (await submitModal(h(), FIN, fin3, withScenario(finance(800), "fourth"))) as {
      errors?: Record<string, string>;
    };
    expect(fullAck?.errors?.[SUBMIT_INPUTS.scenario.block]).toContain(
      "already has 3 scenarios (base, overtime, outsource)",
    );
    expect(await dbState()).toEqual(full);
    await clickButton(h(), as("U0CFO"), signoffMessage(h(), "Financial review", 2), CYCLE_ACTIONS.approve);
    await domainStep("pre_sop", "U0LEAD", "U0LEAD", demand);

    // The executive sign-off: one Approve per scenario; a plain approval must say which.
    const boardModal = await openModal(h(), LEAD, "submit board");
    expect(textOf(boardModal.view.blocks)).not.toContain("Scenario");
    await submitModal(h(), LEAD, boardModal, pasteValues(demand));
    const boardRequest = signoffMessage(h(), "Executive S&OP", 1);
    const labels = APPROVE_ACTION_IDS.map((id) => findElement(boardRequest.blocks ?? [], id)?.element.text);
    expect(labels.map((t) => (t as { text?: string } | undefined)?.text)).toEqual([
      "Approve base",
      "Approve overtime",
      "Approve outsource",
    ]);
    await expect(
      decidePhase({
        teamId: TEAM,
        period: PERIOD,
        phase: "board",
        version: 1,
        by: "U0CEO",
        at: clock.now(),
        decision: "approve",
      }),
    ).rejects.toThrow('use one of the buttons "Approve base", "Approve overtime", "Approve outsource"');
    // Only the approver decides, whatever the button.
    const notCeo = await clickButton(h(), as("U0SP"), boardRequest, APPROVE_ACTION_IDS[1]);
    expect(textOf(notCeo)).toContain("Only the approvers of Executive S&OP");

    const ok = await clickButton(h(), as("U0CEO"), boardRequest, APPROVE_ACTION_IDS[1]);
    expect(textOf(ok)).toContain("Scenario *overtime* is the published plan");
    cycle = (await getCycle(TEAM, PERIOD))!;
    expect(cycle.phases.board).toMatchObject({ status: "approved", chosenScenario: "overtime" });
    // The one approved plan: supply's overtime version; finance had no overtime, so its base.
    expect((await approvedPlan(TEAM, PERIOD, "ops_review"))!.version).toBe(2);
    expect((await approvedPlan(TEAM, PERIOD, "finance"))!.version).toBe(1);
    expect(textOf(signoffMessage(h(), "Executive S&OP", 1).blocks)).toContain(
      "scenario *overtime* is the published plan",
    );
  });
});

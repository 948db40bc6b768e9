/**
 * Authorization on the server, role × action: every refused request gets a clear answer (ephemeral, or the
 * modal's errors) and the database is byte-for-byte what it was. Includes stale clicks and requests from
 * another workspace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { readTeamConfig } from "../../src/store/team-config.ts";
import {
  CYCLE_ACTIONS,
  CYCLE_VIEWS,
  encodeDecisionRef,
  encodeSubmitMeta,
  REQUEST_CHANGES_INPUT,
  SETUP_INPUTS,
} from "../../views/cycle-ids.ts";
import { encodeSetupMeta } from "../../views/setup-modal.ts";
import { useHarness } from "../support/harness.ts";
import type { Actor } from "../support/slack-driver.ts";
import {
  approveDataPhase,
  as,
  configureTeam,
  dbState,
  LEAD,
  modalErrors,
  pasteValues,
  planCsv,
  TEAM,
  textOf,
} from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));
const OTHER_TEAM = "T0OTHER";
const at = () => clock.now();

describe("authorization matrix", () => {
  const h = useHarness("cycle-authz", { clock });

  beforeAll(async () => {
    // T0SIM: data approved, demand v1 waiting for U0SALES. T0OTHER: same people, no cycle.
    await configureTeam();
    await configureTeam({ team: OTHER_TEAM });
    await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: at() });
    await approveDataPhase(planCsv({ families: 2 }), at());
    await submitPlan({
      teamId: TEAM,
      period: "2027-01",
      phase: "demand",
      by: "U0DP",
      at: at(),
      csv: planCsv({ families: 2 }),
      source: "cli",
    });
  });

  const demandV1 = encodeDecisionRef({ period: "2027-01", phase: "demand", version: 1 });

  /** A refused command/click: the ephemeral reply's text. */
  async function commandReply(actor: Actor, text: string): Promise<string> {
    const { responseId } = await h().driver.command(actor, text);
    const body = await h().driver.reply(responseId);
    expect(body.response_type).toBe("ephemeral");
    return textOf(body);
  }
  async function clickReply(actor: Actor, actionId: string, value: string): Promise<string> {
    const { responseId } = await h().driver.click(actor, { actionId, value, blockId: "signoff" });
    const body = await h().driver.reply(responseId);
    expect(body.response_type).toBe("ephemeral");
    return textOf(body);
  }
  async function submitErrors(
    actor: Actor,
    callbackId: string,
    meta: string,
    values: Record<string, Record<string, Record<string, unknown>>>,
  ) {
    const { http } = await h().driver.submitView(
      actor,
      { callback_id: callbackId, private_metadata: meta },
      values as never,
    );
    expect(http.status).toBe(200);
    const errors = modalErrors(http.json);
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    return textOf(errors);
  }

  const submitMeta = encodeSubmitMeta({ period: "2027-01", phase: "demand", version: 1 });
  const rcValues = {
    [REQUEST_CHANGES_INPUT.block]: {
      [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: "no" },
    },
  };
  const setupValues = {
    [SETUP_INPUTS.admins.block]: {
      [SETUP_INPUTS.admins.action]: { type: "multi_users_select", selected_users: ["U0DP"] },
    },
  };

  const cases: { role: string; action: string; run: () => Promise<string>; says: RegExp }[] = [
    {
      role: "approver (not owner)",
      action: "/sop submit demand",
      run: () => commandReply(as("U0SALES"), "submit demand"),
      says: /Only the owners of Demand review/,
    },
    {
      role: "approver (not owner)",
      action: "submit-modal submission (forged)",
      run: () =>
        submitErrors(
          as("U0SALES"),
          CYCLE_VIEWS.submitPlan,
          submitMeta,
          pasteValues(planCsv({ families: 1 })),
        ),
      says: /Only the owners of Demand review/,
    },
    {
      role: "owner",
      action: "submit while awaiting sign-off (modal)",
      run: () =>
        submitErrors(as("U0DP"), CYCLE_VIEWS.submitPlan, submitMeta, pasteValues(planCsv({ families: 1 }))),
      says: /waiting for sign-off/,
    },
    {
      role: "owner of a later phase",
      action: "/sop submit supply (not open)",
      run: () => commandReply(as("U0SP"), "submit supply 2027-01"),
      says: /not open yet/,
    },
    {
      role: "owner (not approver)",
      action: "Approve",
      run: () => clickReply(as("U0DP"), CYCLE_ACTIONS.approve, demandV1),
      says: /Only the approvers of Demand review/,
    },
    {
      role: "admin (not approver)",
      action: "Approve",
      run: () => clickReply(LEAD, CYCLE_ACTIONS.approve, demandV1),
      says: /Only the approvers of Demand review/,
    },
    {
      role: "owner (not approver)",
      action: "Request changes button",
      run: () => clickReply(as("U0DP"), CYCLE_ACTIONS.requestChanges, demandV1),
      says: /Only the approvers/,
    },
    {
      role: "owner (not approver)",
      action: "request-changes submission (forged)",
      run: () => submitErrors(as("U0DP"), CYCLE_VIEWS.requestChanges, demandV1, rcValues),
      says: /Only the approvers/,
    },
    {
      role: "approver",
      action: "stale click (older version)",
      run: () =>
        clickReply(
          as("U0LEAD"),
          CYCLE_ACTIONS.approve,
          encodeDecisionRef({ period: "2027-01", phase: "data", version: 1 }),
        ),
      says: /already approved by/,
    },
    {
      role: "approver",
      action: "click on a version that does not exist",
      run: () =>
        clickReply(
          as("U0SALES"),
          CYCLE_ACTIONS.approve,
          encodeDecisionRef({ period: "2027-01", phase: "demand", version: 7 }),
        ),
      says: /not waiting for sign-off|Nothing changed/,
    },
    {
      role: "approver",
      action: "malformed button value",
      run: () => clickReply(as("U0SALES"), CYCLE_ACTIONS.approve, "{not json"),
      says: /does not belong to a current sign-off request/,
    },
    {
      role: "member",
      action: "/sop start",
      run: () => commandReply(as("U0DP"), "start 2027-02"),
      says: /Only S&OP admins/,
    },
    {
      role: "member",
      action: "/sop setup",
      run: () => commandReply(as("U0DP"), "setup"),
      says: /Only S&OP admins/,
    },
    {
      role: "member",
      action: "setup submission (forged)",
      run: () => submitErrors(as("U0DP"), CYCLE_VIEWS.setup, encodeSetupMeta(1), setupValues),
      says: /Only S&OP admins/,
    },
    {
      role: "approver from another workspace",
      action: "Approve T0SIM's request",
      run: () => clickReply(as("U0SALES", OTHER_TEAM), CYCLE_ACTIONS.approve, demandV1),
      says: /no S&OP cycle for 2027-01/,
    },
    {
      role: "owner from another workspace",
      action: "submit into T0SIM's cycle",
      run: () =>
        submitErrors(
          as("U0DP", OTHER_TEAM),
          CYCLE_VIEWS.submitPlan,
          encodeSubmitMeta({ period: "2027-01", phase: "demand", version: 1 }),
          pasteValues(planCsv({ families: 1 })),
        ),
      says: /no S&OP cycle for 2027-01/,
    },
    {
      role: "admin of another workspace",
      action: "/sop status",
      run: () => commandReply(as("U0LEAD", OTHER_TEAM), "status 2027-01"),
      says: /no S&OP cycle for \*2027-01\*/,
    },
  ];

  it.each(cases)("$role × $action → refused, database unchanged", async ({ run, says }) => {
    const before = await dbState(TEAM);
    const otherBefore = await dbState(OTHER_TEAM);
    const configs = await Promise.all([TEAM, OTHER_TEAM].map(readTeamConfig));
    const viewsBefore = h().standIn.views.size;
    const text = await run();
    await h().settle();
    expect(text).toMatch(says);
    expect(await dbState(TEAM)).toEqual(before);
    expect(await dbState(OTHER_TEAM)).toEqual(otherBefore);
    expect(await Promise.all([TEAM, OTHER_TEAM].map(readTeamConfig))).toEqual(configs);
    expect(h().standIn.views.size).toBe(viewsBefore); // no modal opened for a refused user
  });
});

/** The App Home (tasks, buttons, extra sections) and `/sop setup` (first admin, field errors, revisions). */
import { beforeAll, describe, expect, it } from "vitest";
import { addHomeSection } from "../../commands/events/app-home.ts";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { loadTeamConfig, loadTeamConfigRevision, saveTeamConfig } from "../../src/team/team-config-store.ts";
import { CYCLE_ACTIONS, SETUP_INPUTS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import { findElement } from "../support/slack-driver.ts";
import {
  approveDataPhase,
  as,
  configureTeam,
  exampleTeam,
  modalErrors,
  openModal,
  planCsv,
  submitModal,
  TEAM,
  textOf,
} from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-10T08:00:00Z"));

describe("App Home", () => {
  const h = useHarness("cycle-home", { clock });

  beforeAll(async () => {
    await configureTeam();
    await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: new Date("2027-01-02T08:00:00Z") });
    await approveDataPhase(planCsv({ families: 2 }), clock.now());
    await submitPlan({
      teamId: TEAM,
      period: "2027-01",
      phase: "demand",
      by: "U0DP",
      at: clock.now(),
      csv: planCsv({ families: 2 }),
      source: "cli",
    });
  });

  async function openHome(userId: string, teamId = TEAM) {
    await h().driver.event(teamId, {
      type: "app_home_opened",
      user: userId,
      channel: `D${userId}`,
      tab: "home",
    });
    await h().settle();
    return h().standIn.homes.get(userId)!;
  }

  it("an unconfigured workspace is told to run /sop setup", async () => {
    const home = await openHome("U0STRANGER", "T0UNSET");
    expect(textOf(home)).toContain("/sop setup");
  });

  it("an approver sees the sign-off task and approves from the Home; the Home refreshes", async () => {
    let home = await openHome("U0SALES");
    expect(textOf(home)).toContain("Sign off Demand review v1");
    expect(textOf(home)).toContain("overdue"); // demand was due on the 8th
    const approve = findElement(home.blocks as unknown[], CYCLE_ACTIONS.approve)!;
    await h().driver.click(
      as("U0SALES"),
      { actionId: CYCLE_ACTIONS.approve, value: approve.element.value as string, blockId: approve.blockId },
      { view: { id: "VHOMEU0SALES", type: "home" } },
    );
    await h().settle();
    expect((await getCycle(TEAM, "2027-01"))!.phases.demand!.status).toBe("approved");
    // No response_url from the Home: the answer comes by DM, and the Home no longer lists the task.
    expect(textOf(h().standIn.messagesIn("DU0SALES").at(-1)?.blocks)).toContain(
      "You approved *Demand review*",
    );
    home = h().standIn.homes.get("U0SALES")!;
    expect(textOf(home)).toContain("Nothing for you right now");
  });

  it("an owner sees what they owe with a button that opens the submit modal", async () => {
    const home = await openHome("U0SP");
    expect(textOf(home)).toContain("Submit Supply review");
    const button = findElement(home.blocks as unknown[], CYCLE_ACTIONS.openSubmit)!;
    const before = h().standIn.views.size;
    await h().driver.click(
      as("U0SP"),
      { actionId: CYCLE_ACTIONS.openSubmit, value: button.element.value as string },
      { view: { id: "VHOMEU0SP", type: "home" } },
    );
    await h().settle();
    expect(h().standIn.views.size).toBe(before + 1);
    expect(h().standIn.lastViewFor("U0SP")!.view.callback_id).toBe("sop_submit_plan");
  });

  it("other features add sections after the cycle part", async () => {
    addHomeSection(async ({ userId }) =>
      userId === "U0CEO"
        ? [{ type: "section", text: { type: "mrkdwn", text: "*Executive dashboard*" } }]
        : [],
    );
    const home = await openHome("U0CEO");
    expect(textOf(home)).toContain("Executive dashboard");
    expect(textOf(home)).toContain("Cycles at a glance");
  });
});

describe("/sop setup", () => {
  const h = useHarness("cycle-setup", { clock });
  const FIRST = as("U0FIRST", "T0NEW");

  function setupValues(over: Partial<Record<string, unknown>> = {}) {
    const v: Record<string, Record<string, Record<string, unknown>>> = {
      [SETUP_INPUTS.admins.block]: { users: { type: "multi_users_select", selected_users: [] } },
      [SETUP_INPUTS.sopChannel.block]: {
        channel: { type: "conversations_select", selected_conversation: "C0NEWSOP" },
      },
      [SETUP_INPUTS.execChannel.block]: {
        channel: { type: "conversations_select", selected_conversation: "C0NEWEXEC" },
      },
      [SETUP_INPUTS.timezone.block]: { timezone: { type: "plain_text_input", value: "America/New_York" } },
    };
    for (const id of ["data", "demand", "supply", "finance", "pre_sop", "exec", "implement"]) {
      v[SETUP_INPUTS.phaseOwners(id).block] = {
        users: { type: "multi_users_select", selected_users: ["U0FIRST"] },
      };
      v[SETUP_INPUTS.phaseApprovers(id).block] = {
        users: { type: "multi_users_select", selected_users: ["U0BOSS"] },
      };
      v[SETUP_INPUTS.phaseDueDay(id).block] = { day: { type: "number_input", value: "10" } };
    }
    return { ...v, ...over } as Record<string, Record<string, Record<string, unknown>>>;
  }

  it("the first user of an unconfigured workspace gets the modal; bad fields are named at their inputs", async () => {
    const modal = await openModal(h(), FIRST, "setup");
    expect(modal.view.callback_id).toBe("sop_setup");
    expect(textOf(modal.view)).toContain('"initial_users":["U0FIRST"]');
    const ack = await submitModal(
      h(),
      FIRST,
      modal,
      setupValues({
        [SETUP_INPUTS.timezone.block]: { timezone: { type: "plain_text_input", value: "Mars/Olympus" } },
        [SETUP_INPUTS.phaseOwners("demand").block]: {
          users: { type: "multi_users_select", selected_users: [] },
        },
        [SETUP_INPUTS.phaseDueDay("exec").block]: { day: { type: "number_input", value: "40" } },
      }),
    );
    expect(modalErrors(ack)).toEqual({
      [SETUP_INPUTS.timezone.block]: expect.stringContaining("IANA time zone"),
      [SETUP_INPUTS.phaseOwners("demand").block]: expect.stringContaining("needs at least one owner"),
      [SETUP_INPUTS.phaseDueDay("exec").block]: expect.stringContaining("1-31"),
    });
    expect(await loadTeamConfig("T0NEW")).toBeNull();

    expect(await submitModal(h(), FIRST, modal, setupValues())).toBeNull();
    const cfg = await loadTeamConfig("T0NEW");
    expect(cfg).toMatchObject({
      team: "T0NEW",
      admins: ["U0FIRST"],
      timezone: "America/New_York",
      channels: { sop: "C0NEWSOP", exec: "C0NEWEXEC" },
    });
    expect(cfg!.phases.map((p) => p.dueDay)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(textOf(h().standIn.messagesIn("DU0FIRST").at(-1)?.blocks)).toContain("You are its admin");

    // Now configured: someone else is refused; the same form submitted again is stale (revision moved).
    const { responseId } = await h().driver.command(as("U0OTHER", "T0NEW"), "setup");
    expect(textOf(await h().driver.reply(responseId))).toContain("Only S&OP admins");
    const again = await submitModal(
      h(),
      FIRST,
      modal,
      setupValues({
        [SETUP_INPUTS.admins.block]: { users: { type: "multi_users_select", selected_users: ["U0FIRST"] } },
      }),
    );
    // The first save stands; the stale form is replaced by the saved setup, with what happened.
    expect(again).toMatchObject({ response_action: "update", view: { callback_id: "sop_setup" } });
    expect(textOf(again)).toContain("Not saved");
    expect(textOf(again)).toContain("<@U0FIRST> saved the setup");
    expect(JSON.parse((again as { view: { private_metadata: string } }).view.private_metadata)).toEqual({
      rev: 1,
    });
    expect((await loadTeamConfigRevision("T0NEW"))?.revision).toBe(1);
  });

  it("an admin edits owners; a concurrent change makes the save fail instead of overwriting", async () => {
    await configureTeam();
    const LEAD = as("U0LEAD");
    const modal = await openModal(h(), LEAD, "setup");
    expect(textOf(modal.view)).toContain('"initial_conversation":"C0SOP"');
    // Someone imports a configuration while the modal is open.
    await saveTeamConfig(exampleTeam({ timezone: "UTC" }), "cli", new Date());
    const ack = (await submitModal(h(), LEAD, modal, {
      [SETUP_INPUTS.phaseOwners("demand").block]: {
        users: { type: "multi_users_select", selected_users: ["U0DP", "U0DP2"] },
      },
    })) as { response_action: string; view: Record<string, unknown> };
    // Not saved: the form now shows the imported setup, names who saved it, and lists the lost edit.
    expect(ack).toMatchObject({ response_action: "update" });
    expect(textOf(ack)).toContain("`sop config import` saved the setup");
    expect(textOf(ack)).toContain("Demand review owners: <@U0DP>, <@U0DP2>");
    expect(textOf(ack.view)).toContain("Time zone (IANA");
    expect(textOf(ack.view)).toContain('"initial_value":"UTC"');
    expect((await loadTeamConfig(TEAM))!.phases[1]!.owners).toEqual(["U0DP"]);

    // The refreshed form saves at once.
    const refreshed = { ...h().standIn.lastViewFor("U0LEAD")!, view: ack.view };
    expect(
      await submitModal(h(), LEAD, refreshed, {
        [SETUP_INPUTS.phaseOwners("demand").block]: {
          users: { type: "multi_users_select", selected_users: ["U0DP", "U0DP2"] },
        },
      }),
    ).toBeNull();
    const cfg = (await loadTeamConfig(TEAM))!;
    expect(cfg.phases[1]!.owners).toEqual(["U0DP", "U0DP2"]);
    expect(cfg.timezone).toBe("UTC"); // fields not in the submission keep their values
    expect(cfg.kpis).toEqual(exampleTeam().kpis);
  });
});

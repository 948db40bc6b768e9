/**
 * A whole month of examples/team.json, the stand-in and the real database, once over signed HTTP and
 * once over Socket Mode (the same payloads as WebSocket envelopes, each acknowledged with its
 * envelope_id): start, every phase submitted and signed off in order (one rejected CSV, one
 * request-changes round, one file upload), the cycle closed, status and history.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { approvedPlan } from "../../src/plans/approved-plan.ts";
import { CYCLE_ACTIONS, REQUEST_CHANGES_INPUT, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import { findElement } from "../support/slack-driver.ts";
import {
  as,
  clickButton,
  command,
  configureTeam,
  dbState,
  dmsTo,
  fileValues,
  LEAD,
  modalErrors,
  openModal,
  pasteValues,
  planCsv,
  signoffMessage,
  submitModal,
  TEAM,
  textOf,
} from "./helpers.ts";

const ANALYST = as("U0ANALYST");
const DP = as("U0DP");
const SALES = as("U0SALES");
const SP = as("U0SP");
const OPS = as("U0OPS");
const FIN = as("U0FIN");
const CFO = as("U0CFO");
const CEO = as("U0CEO");

describe.each([
  ["HTTP", false],
  ["Socket Mode", true],
])("a whole S&OP month through all seven phases over %s", (_transport, socketMode) => {
  const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));
  const h = useHarness(socketMode ? "cycle-happy-socket" : "cycle-happy", { clock, socketMode });

  // A whole month is some 60 requests: on a busy shared machine it can take longer than the default 30 s.
  it("runs start → 7 × (submit → sign-off) → closed, with status and history along the way", {
    timeout: 180_000,
  }, async () => {
    await configureTeam();

    // Start (admin); starting twice changes nothing.
    const started = await command(h(), LEAD, "start 2027-01");
    expect(textOf(started)).toContain("Started the 2027-01 cycle");
    const kickoff = h().standIn.messagesIn("C0SOP").at(-1)!;
    expect(textOf(kickoff.blocks)).toContain("S&OP cycle 2027-01 has started");
    expect(textOf(dmsTo(h(), "U0ANALYST").at(-1)?.blocks)).toContain("Your turn.");
    const again = await command(h(), LEAD, "start 2027-01");
    expect(textOf(again)).toContain("already started");

    // Status, as any member: data is open and blocking.
    const status = await command(h(), as("U0SOMEONE"), "status");
    expect(status.response_type).toBe("ephemeral");
    expect(textOf(status.blocks)).toContain("Blocking:* Data gathering");

    // data: a rejected CSV first (line-numbered, nothing stored), then a good one.
    const before = await dbState();
    let modal = await openModal(h(), ANALYST, "submit data");
    expect(modal.view.callback_id).toBe("sop_submit_plan");
    const rejected = await submitModal(
      h(),
      ANALYST,
      modal,
      pasteValues("family,period,quantity\nA,2027-01,10\nA,2027-13,5\nB,2027-02,-1\n"),
    );
    expect(rejected?.response_action).toBe("errors");
    const err = modalErrors(rejected)[SUBMIT_INPUTS.csv.block]!;
    expect(err).toContain('line 3: period "2027-13"');
    expect(err).toContain('line 4: quantity "-1" must not be negative');
    expect(await dbState()).toEqual(before);

    const ok = await submitModal(
      h(),
      ANALYST,
      modal,
      pasteValues(planCsv({ families: 3 }), "baseline from the forecaster"),
    );
    expect(ok).toBeNull();
    let request = signoffMessage(h(), "Data gathering & statistical forecast", 1);
    expect(textOf(request.blocks)).toContain("*Rows*\\n54");
    expect(textOf(dmsTo(h(), "U0LEAD").at(-1)?.blocks)).toContain("Your sign-off is needed");

    const reply = await clickButton(h(), LEAD, request, CYCLE_ACTIONS.approve);
    expect(textOf(reply)).toContain("You approved *Data gathering");
    request = signoffMessage(h(), "Data gathering & statistical forecast", 1);
    expect(request.edits).toBe(1);
    expect(textOf(request.blocks)).toContain("*Approved* by <@U0LEAD>");
    expect(findElement(request.blocks!, CYCLE_ACTIONS.approve)).toBeUndefined();
    expect(textOf(dmsTo(h(), "U0DP").at(-1)?.blocks)).toContain(
      "Data gathering &amp; statistical forecast was approved, so *Demand review*",
    );

    // demand: v1, changes requested (mandatory comment), v2 from the DM's button, approved.
    modal = await openModal(h(), DP, "submit demand");
    expect(await submitModal(h(), DP, modal, pasteValues(planCsv({ families: 3 })))).toBeNull();
    request = signoffMessage(h(), "Demand review", 1);
    const rcBefore = h().standIn.views.size;
    await clickButton(h(), SALES, request, CYCLE_ACTIONS.requestChanges);
    const rcModal = await h().standIn.waitFor(
      () => h().standIn.views.size > rcBefore && h().standIn.lastViewFor("U0SALES"),
    );
    expect(rcModal.view.callback_id).toBe("sop_request_changes_modal");
    const emptyComment = await submitModal(h(), SALES, rcModal, {
      [REQUEST_CHANGES_INPUT.block]: {
        [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: "  " },
      },
    });
    expect(emptyComment?.response_action).toBe("errors");
    expect((await getCycle(TEAM, "2027-01"))!.phases.demand!.status).toBe("submitted");
    const rcAck = await submitModal(h(), SALES, rcModal, {
      [REQUEST_CHANGES_INPUT.block]: {
        [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: "FAM-0001 is too low in Q2." },
      },
    });
    expect(rcAck).toBeNull();
    request = signoffMessage(h(), "Demand review", 1);
    expect(textOf(request.blocks)).toContain("*Changes requested* by <@U0SALES>");
    const dpDm = dmsTo(h(), "U0DP").at(-1)!;
    expect(textOf(dpDm.blocks)).toContain("FAM-0001 is too low in Q2.");

    // Resubmit from the DM's button (block_actions → views.open), as an upload this time.
    const viewsBefore = h().standIn.views.size;
    await clickButton(h(), DP, { ...dpDm, channel: dpDm.channel }, CYCLE_ACTIONS.openSubmit);
    modal = await h().standIn.waitFor(
      () => h().standIn.views.size > viewsBefore && h().standIn.lastViewFor("U0DP"),
    );
    expect(textOf(modal.view.blocks)).toContain("FAM-0001 is too low in Q2.");
    const fileId = "F0DEMANDV2";
    h().standIn.files.set(fileId, {
      id: fileId,
      filename: "demand-v2.csv",
      bytes: Buffer.from(`\uFEFF${planCsv({ families: 4 })}`),
      shared: false,
    });
    // An upload is fetched after the ack: the modal shows progress, then the result.
    expect((await submitModal(h(), DP, modal, fileValues(fileId)))?.response_action).toBe("update");
    expect(textOf(h().standIn.views.get(modal.id)?.view)).toContain("Stored *v2*");
    const v2 = signoffMessage(h(), "Demand review", 2);
    expect(textOf(v2.blocks)).toContain("vs v1");
    expect(textOf(v2.blocks)).toContain("uploaded demand-v2.csv");

    // A click on the old v1 message is stale: ephemeral, nothing changes.
    const beforeStale = await dbState();
    // v1's buttons are gone after the decision; a client showing the old message can still send the click.
    const oldClick = await h().driver.click(
      SALES,
      { actionId: CYCLE_ACTIONS.approve, value: JSON.stringify({ p: "2027-01", ph: "demand", v: 1 }) },
      { channel: "C0SOP", messageTs: request.ts },
    );
    await h().settle();
    expect(textOf(h().standIn.responsesTo(oldClick.responseId)[0]?.body)).toContain(
      "v2 has been submitted since",
    );
    expect(await dbState()).toEqual(beforeStale);

    await clickButton(h(), SALES, v2, CYCLE_ACTIONS.approve);

    // supply (with capacity), finance (revenue required), then the process lead's and the CEO's phases.
    const steps: [typeof SP, string, string, typeof OPS, string][] = [
      [SP, "supply", planCsv({ families: 4, capacity: true }), OPS, "Supply review"],
      [FIN, "finance", planCsv({ families: 4, revenue: true }), CFO, "Financial review"],
      [LEAD, "pre_sop", planCsv({ families: 4 }), LEAD, "Pre-S&OP reconciliation"],
      [LEAD, "exec", planCsv({ families: 4 }), CEO, "Executive S&OP"],
      [LEAD, "implement", planCsv({ families: 4 }), LEAD, "Finalize & implement"],
    ];
    for (const [owner, phase, csv, approver, name] of steps) {
      clock.advance(86_400_000);
      modal = await openModal(h(), owner, `submit ${phase}`);
      expect(await submitModal(h(), owner, modal, pasteValues(csv))).toBeNull();
      const r = await clickButton(h(), approver, signoffMessage(h(), name, 1), CYCLE_ACTIONS.approve);
      expect(textOf(r)).toContain(`You approved *${name}*`);
    }

    const cycle = (await getCycle(TEAM, "2027-01"))!;
    expect(cycle.status).toBe("closed");
    expect(Object.values(cycle.phases).every((p) => p.status === "approved")).toBe(true);
    expect(cycle.phases.demand!.approvedVersion).toBe(2);
    expect(textOf(h().standIn.messagesIn("C0SOP").at(-1)?.blocks)).toContain("S&OP cycle 2027-01 is closed");
    const plan = await approvedPlan(TEAM, "2027-01", "finance");
    expect(plan?.rows).toBe(72);
    expect(plan?.revenue?.[0]).toBe(plan!.quantity[0]! * 12.5);

    // 1 start + data (submit, approve) + demand (submit, changes, submit, approve) + 5 × 2 = 17 events.
    expect(cycle.events).toHaveLength(17);
    const history = await command(h(), as("U0SOMEONE"), "history 2027-01");
    expect(textOf(history.blocks)).toContain("requested changes to *Demand review* v1");
    expect(textOf(history.blocks)).toContain("*cycle closed*");
    const finalStatus = await command(h(), LEAD, "status 2027-01");
    expect(textOf(finalStatus.blocks)).toContain("Cycle closed");

    // Nothing the stand-in rejected on the way (Block Kit limits, bad channels); a 429 from the channel's
    // message rate is waited out and retried by the client.
    expect(h().standIn.calls.filter((c) => !c.ok && c.status !== 429)).toEqual([]);
    if (socketMode) {
      // Every request went as an envelope and was acknowledged by its envelope_id, nothing else sent back.
      const sm = h().socketMode!;
      expect(sm.acks.length).toBeGreaterThan(30);
      expect(sm.strays).toEqual([]);
      expect(h().standIn.callsOf("apps.connections.open")).toHaveLength(1);
    }
  });
});

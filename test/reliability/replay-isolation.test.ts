/**
 * Replay and isolation. A request Slack really sent, captured and replayed after 5 minutes, is refused
 * at the door; replayed inside the window (Slack's own retries) it does its work once. The same payload
 * sent as another workspace — even one where the sender has every right and the same period, phase and
 * version exist — only ever touches that workspace.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { CYCLE_ACTIONS, CYCLE_VIEWS, REQUEST_CHANGES_INPUT } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import { as, command, cycleAwaitingSignoff, LEAD, PERIOD, TEAM } from "./support/cycle-setup.ts";
import { blockActions } from "./support/payloads.ts";
import { snapshotDiff, teamSnapshot } from "./support/team-snapshot.ts";

const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));
const FORM = "application/x-www-form-urlencoded";
const text = (x: unknown) => JSON.stringify(x ?? null);
const fiveMinutesAgo = () => Math.floor(Date.now() / 1000) - 301;

describe("replayed requests", () => {
  const h = useHarness("replay", { clock });

  it("a correctly signed Approve click from 301 s ago is rejected with 401 and changes nothing", async () => {
    const { request } = await cycleAwaitingSignoff(h());
    const before = await teamSnapshot(TEAM);
    const captured = await h().driver.clickInMessage(LEAD, request, CYCLE_ACTIONS.approve, {
      timestamp: fiveMinutesAgo(),
    });
    expect(captured.http.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    await h().settle();
    expect(h().standIn.responsesTo(captured.responseId)).toHaveLength(0);
    expect(snapshotDiff(before, await teamSnapshot(TEAM))).toEqual([]);
  });

  it("a correctly signed /sop start from 301 s ago is rejected; the same body fresh and retried starts once", async () => {
    const { body, responseId } = h().driver.commandBody(LEAD, "start 2027-02");
    const stale = await h().driver.post(body, FORM, { timestamp: fiveMinutesAgo() });
    expect(stale.status).toBe(401);
    await h().settle();
    expect(await getCycle(TEAM, "2027-02")).toBeNull();
    const fresh = await h().driver.post(body, FORM);
    expect(fresh.status).toBe(200);
    const retried = await h().driver.post(body, FORM, { retryNum: 1 });
    expect(retried.status).toBe(200);
    await h().settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(h().standIn.responsesTo(responseId)).toHaveLength(1);
    expect(text(h().standIn.responsesTo(responseId)[0]?.body)).toContain("Started the 2027-02 cycle");
    expect((await getCycle(TEAM, "2027-02"))?.events).toHaveLength(1);
  });

  it("the same Approve delivered twice inside the window (Slack retry) approves once", async () => {
    // The team from the first test: data v1 still awaits sign-off.
    const request = structuredClone(
      h()
        .standIn.messagesIn("C0SOP")
        .find((m) => text(m.blocks).includes(CYCLE_ACTIONS.approve))!,
    );
    const first = await h().driver.clickInMessage(LEAD, request, CYCLE_ACTIONS.approve);
    const again = await h().driver.post(first.body, FORM, { retryNum: 1 });
    expect([first.http.status, again.status]).toEqual([200, 200]);
    await h().settle();
    const cycle = await getCycle(TEAM, PERIOD);
    expect(cycle?.phases.data?.status).toBe("approved");
    expect(cycle?.events.filter((e) => e.phase === "data" && e.action === "approve")).toHaveLength(1);
    expect(h().standIn.responsesTo(first.responseId)).toHaveLength(1);
  });
});

describe("workspace isolation", () => {
  const h = useHarness("isolation", { clock });
  const OTHER = "T0OTHER";
  const NOBODY = "T0NOBODY";

  it("another workspace's requests carrying this team's references never touch this team", async () => {
    // Both workspaces mid-cycle with the same period, phase and version; U0LEAD approves in both.
    const victim = await cycleAwaitingSignoff(h(), TEAM);
    await cycleAwaitingSignoff(h(), OTHER);
    const before = await teamSnapshot(TEAM);
    const nobody = await teamSnapshot(NOBODY);
    const click = (who: { teamId: string; userId: string }, breakage: Record<string, unknown> = {}) =>
      h().driver.post(
        h().driver.interactiveBody(
          blockActions(who, {
            actionId: CYCLE_ACTIONS.approve,
            value: victim.approveValue,
            responseUrl: h().standIn.newResponseUrl().url,
            message: { type: "message", ts: victim.request.ts, text: "", blocks: victim.request.blocks },
            breakage,
          }),
        ),
        FORM,
      );

    // 1. The victim's Approve click, resent as the other workspace: acts there (where U0LEAD may approve
    //    the same reference), never here.
    expect((await click(as("U0LEAD", OTHER))).status).toBe(200);
    await h().settle();
    expect((await getCycle(OTHER, PERIOD))?.phases.data?.status).toBe("approved");
    expect(snapshotDiff(before, await teamSnapshot(TEAM))).toEqual([]);

    // 2. Mixed signals: the workspace (team.id) is one without configuration, the user's home team says
    //    the victim's. The workspace decides, and it has nothing to approve.
    const mixed = await click(as("U0LEAD", NOBODY), {
      user: { id: "U0LEAD", username: "x", name: "x", team_id: TEAM },
    });
    expect(mixed.status).toBe(200);
    await h().settle();
    expect(snapshotDiff(before, await teamSnapshot(TEAM))).toEqual([]);

    // 3. The request-changes modal submitted from that workspace with the victim's reference in
    //    private_metadata: refused in the modal, nothing stored anywhere.
    const { http } = await h().driver.submitView(
      as("U0LEAD", NOBODY),
      { callback_id: CYCLE_VIEWS.requestChanges, private_metadata: victim.approveValue },
      {
        [REQUEST_CHANGES_INPUT.block]: {
          [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: "no" },
        },
      },
    );
    expect(http.status).toBe(200);
    expect(http.json?.response_action).toBe("errors");
    await h().settle();
    expect(snapshotDiff(before, await teamSnapshot(TEAM))).toEqual([]);
    expect(snapshotDiff(nobody, await teamSnapshot(NOBODY))).toEqual([]);

    // 4. Reads are scoped too: status and history asked from elsewhere never show the victim's cycle.
    const status = await command(h(), as("U0DP", OTHER), `status ${PERIOD}`);
    expect(text(status)).toContain("Demand review"); // the other workspace's cycle moved on
    const history = await command(h(), as("U0LEAD", NOBODY), `history ${PERIOD}`);
    expect(text(history)).not.toContain("U0ANALYST");

    // Control: the reference was live all along — the victim's own approver can still use it.
    expect((await getCycle(TEAM, PERIOD))?.phases.data?.status).toBe("submitted");
    expect((await click(LEAD)).status).toBe(200);
    await h().settle();
    expect((await getCycle(TEAM, PERIOD))?.phases.data?.status).toBe("approved");
  });
});

/**
 * Replay and isolation. A request Slack really sent, captured and replayed after 5 minutes, is refused
 * at the door. Delivered twice inside the window (a replay the signature cannot tell from the original;
 * Slack itself never retries commands or clicks, and a double click is a new request) it changes state
 * once, and the second delivery is answered with what already happened. The same payload
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

  /** The `text` of every answer posted to a response_url, once `count` have arrived and the work settled. */
  async function answersTo(responseId: string, count: number): Promise<string[]> {
    await h().standIn.waitFor(
      () => (h().standIn.responsesTo(responseId).length >= count ? true : undefined),
      15_000,
      `${count} answers`,
    );
    await h().settle();
    return h()
      .standIn.responsesTo(responseId)
      .map((r) => String((r.body as { text?: unknown }).text));
  }

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

  it("a correctly signed /sop start from 301 s ago is rejected; the same body delivered twice at once starts once, and the second is told it already started", async () => {
    const { body, responseId } = h().driver.commandBody(LEAD, "start 2027-02");
    const stale = await h().driver.post(body, FORM, { timestamp: fiveMinutesAgo() });
    expect(stale.status).toBe(401);
    await h().settle();
    expect(await getCycle(TEAM, "2027-02")).toBeNull();
    // Both at once: two concurrent writers of the same start.
    const twice = await Promise.all([h().driver.post(body, FORM), h().driver.post(body, FORM)]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    // Both deliveries carry the same response_url: one answer each.
    const answers = await answersTo(responseId, 2);
    expect(answers).toHaveLength(2);
    expect(answers.filter((a) => a.includes("Started the 2027-02 cycle"))).toHaveLength(1);
    expect(answers.filter((a) => /cycle was already started by .*Nothing changed/.test(a))).toHaveLength(1);
    expect((await getCycle(TEAM, "2027-02"))?.events).toHaveLength(1);
  });

  it("the same Approve delivered twice inside the window approves once; the second is told it was already approved", async () => {
    // The team from the first test: data v1 still awaits sign-off.
    const request = structuredClone(
      h()
        .standIn.messagesIn("C0SOP")
        .find((m) => text(m.blocks).includes(CYCLE_ACTIONS.approve))!,
    );
    const before = (await getCycle(TEAM, PERIOD))?.events.length ?? 0;
    const first = await h().driver.clickInMessage(LEAD, request, CYCLE_ACTIONS.approve);
    const again = await h().driver.post(first.body, FORM);
    expect([first.http.status, again.status]).toEqual([200, 200]);
    const answers = await answersTo(first.responseId, 2);
    expect(answers).toHaveLength(2);
    const cycle = await getCycle(TEAM, PERIOD);
    expect(cycle?.phases.data?.status).toBe("approved");
    expect(cycle?.events).toHaveLength(before + 1);
    expect(cycle?.events.filter((e) => e.phase === "data" && e.action === "approve")).toHaveLength(1);
    expect(answers.filter((a) => a.includes("You approved"))).toHaveLength(1);
    expect(answers.filter((a) => /v1 was already approved by .*Nothing changed/.test(a))).toHaveLength(1);
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

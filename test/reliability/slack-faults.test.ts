/**
 * Slack misbehaving during a flow: HTTP 429 with Retry-After on chat.postMessage, chat.update and
 * views.open, and `ok:false` answers (channel_not_found, user_not_found, expired_trigger_id). Each time
 * the person who acted is told clearly, and the database holds either the whole transition or none of it.
 * Every test works on its own team, so one fault never leaks into the next.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { CycleEventModel } from "../../src/db/models/cycle-event.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import {
  as,
  command,
  cycleAwaitingSignoff,
  exampleTeam,
  PERIOD,
  pasteValues,
  planCsv,
} from "./support/cycle-setup.ts";
import { snapshotDiff, teamSnapshot } from "./support/team-snapshot.ts";

const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));
const text = (x: unknown) => JSON.stringify(x ?? null);
const events = (teamId: string) => CycleEventModel.countDocuments({ teamId });

/**
 * A failed delivery is named with Slack's error code and the log reference, both in the blocks and in the
 * plain `text` fallback (notifications), where the code must survive whole (channel_not_found).
 */
function expectDeliveryFailure(message: unknown, what: string, code: string) {
  const m = message as { text?: string; blocks?: { text?: { text?: string } }[] };
  const named = new RegExp(`${what} \\(${code}, ref [0-9a-z]+\\)`);
  expect(m.text).toMatch(named);
  expect(m.blocks?.map((b) => b.text?.text ?? "").join("\n")).toMatch(named);
}

describe("Slack faults during the cycle flows", () => {
  const h = useHarness("slack-faults", { clock });

  async function configured(teamId: string) {
    h().standIn.reset();
    await saveTeamConfig(exampleTeam(teamId), "reliability-test", clock.now());
  }

  /** Clicks a button of the sign-off request and returns the HTTP ack and the ephemeral reply. */
  async function click(
    teamId: string,
    userId: string,
    request: Parameters<ReturnType<typeof h>["driver"]["clickInMessage"]>[1],
    actionId: string,
  ) {
    const { http, responseId } = await h().driver.clickInMessage(as(userId, teamId), request, actionId);
    const reply = await h().driver.reply(responseId, 1, 15_000);
    await h().settle();
    return { http, reply };
  }

  it("429 with Retry-After on chat.postMessage during /sop start: waits, retries, posts once, starts once", async () => {
    const team = "T0RL1";
    await configured(team);
    h().standIn.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const { http, responseId } = await h().driver.command(as("U0LEAD", team), `start ${PERIOD}`);
    expect(http.status).toBe(200);
    expect(http.ms).toBeLessThan(1000);
    const reply = await h().driver.reply(responseId, 1, 15_000);
    await h().settle();
    expect(text(reply)).toContain(`Started the ${PERIOD} cycle`);
    expect(text(reply)).not.toContain("could not be sent");
    const posts = h().standIn.callsOf("chat.postMessage");
    expect(posts[0]!.status).toBe(429);
    // The client honoured Retry-After before trying again.
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    const kickoffs = h()
      .standIn.messagesIn("C0SOP")
      .filter((m) => text(m.blocks).includes("has started"));
    expect(kickoffs).toHaveLength(1);
    expect(await events(team)).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("429 on views.open during /sop submit: the modal still opens after Retry-After, nothing stored meanwhile", async () => {
    const team = "T0RL2";
    await configured(team);
    await command(h(), as("U0LEAD", team), `start ${PERIOD}`);
    const before = await teamSnapshot(team);
    h().standIn.failNext("views.open", { status: 429, retryAfter: 1 });
    const { http } = await h().driver.command(as("U0ANALYST", team), "submit data");
    expect(http.status).toBe(200);
    const opened = await h().standIn.waitFor(
      () => h().standIn.lastViewFor("U0ANALYST"),
      10_000,
      "the submit modal",
    );
    await h().settle();
    const calls = h().standIn.callsOf("views.open");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(opened.view.callback_id).toBe("sop_submit_plan");
    expect(snapshotDiff(before, await teamSnapshot(team))).toEqual([]);
  });

  it("429 on chat.update and chat.postMessage while approving: one transition, the message updated, DMs sent", async () => {
    const team = "T0RL3";
    h().standIn.reset();
    const { request } = await cycleAwaitingSignoff(h(), team);
    const before = await events(team);
    h().standIn.failNext("chat.update", { status: 429, retryAfter: 1 });
    h().standIn.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const { http, reply } = await click(team, "U0LEAD", request, CYCLE_ACTIONS.approve);
    expect(http.status).toBe(200);
    expect(http.ms).toBeLessThan(1000);
    expect(text(reply)).toContain("You approved");
    expect(text(reply)).not.toContain("could not be sent");
    expect(await events(team)).toBe(before + 1);
    const cycle = await getCycle(team, PERIOD);
    expect(cycle?.phases.data?.status).toBe("approved");
    expect(cycle?.phases.demand?.status).toBe("open");
    const updated = h().standIn.messages.find((m) => m.ts === request.ts)!;
    expect(updated.edits).toBe(1);
  });

  it("channel_not_found for the kickoff: the cycle starts (whole), the admin is told the post failed, a retry does not start it twice", async () => {
    const team = "T0CNF";
    await configured(team);
    h().standIn.failNext("chat.postMessage", { error: "channel_not_found" });
    const reply = await command(h(), as("U0LEAD", team), `start ${PERIOD}`);
    expect(text(reply)).toContain(`Started the ${PERIOD} cycle`);
    expect(text(reply)).toContain("The change is saved, but some Slack messages could not be sent");
    expectDeliveryFailure(reply, "the kickoff message", "channel_not_found");
    const cycle = await getCycle(team, PERIOD);
    expect(cycle?.phases.data?.status).toBe("open");
    expect(await events(team)).toBe(1);
    const again = await command(h(), as("U0LEAD", team), `start ${PERIOD}`);
    expect(text(again)).toContain("already started");
    expect(await events(team)).toBe(1);
  });

  it("channel_not_found for the sign-off request: the plan version is stored whole, the submitter is told by DM", async () => {
    const team = "T0CNF2";
    await configured(team);
    await command(h(), as("U0LEAD", team), `start ${PERIOD}`);
    const before = h().standIn.views.size;
    await h().driver.command(as("U0ANALYST", team), "submit data");
    const modal = await h().standIn.waitFor(
      () => (h().standIn.views.size > before ? h().standIn.lastViewFor("U0ANALYST") : undefined),
      5000,
      "modal",
    );
    h().standIn.failNext("chat.postMessage", { error: "channel_not_found" });
    const { http } = await h().driver.submitView(
      as("U0ANALYST", team),
      { ...modal.view, id: modal.id },
      pasteValues(planCsv()) as never,
    );
    expect(http.status).toBe(200);
    expect(http.body).toBe("");
    await h().settle();
    const cycle = await getCycle(team, PERIOD);
    expect(cycle?.phases.data?.status).toBe("submitted");
    expect(cycle?.phases.data?.version).toBe(1);
    const dm = h().standIn.messagesIn("DU0ANALYST").at(-1);
    expect(text(dm)).toContain("Stored *v1*");
    expectDeliveryFailure(dm, "the sign-off request", "channel_not_found");
  });

  it("user_not_found for a DM after Approve: the decision is saved whole, the approver is told which DM failed", async () => {
    const team = "T0UNF";
    h().standIn.reset();
    const { request } = await cycleAwaitingSignoff(h(), team);
    const before = await events(team);
    h().standIn.failNext("chat.postMessage", { error: "user_not_found" });
    const { reply } = await click(team, "U0LEAD", request, CYCLE_ACTIONS.approve);
    expect(text(reply)).toContain("You approved");
    expect(text(reply)).toContain("user_not_found");
    expect(await events(team)).toBe(before + 1);
    expect((await getCycle(team, PERIOD))?.phases.data?.status).toBe("approved");
    // Clicking again is a clear no-op, not a second approval.
    const second = await click(team, "U0LEAD", request, CYCLE_ACTIONS.approve);
    expect(text(second.reply)).not.toContain("You approved");
    expect(await events(team)).toBe(before + 1);
  });

  it("expired_trigger_id on views.open for /sop submit: the owner is told to run it again, nothing stored", async () => {
    const team = "T0ETI";
    await configured(team);
    await command(h(), as("U0LEAD", team), `start ${PERIOD}`);
    const before = await teamSnapshot(team);
    h().standIn.failNext("views.open", { error: "expired_trigger_id" });
    const reply = await command(h(), as("U0ANALYST", team), "submit data");
    expect(reply.response_type).toBe("ephemeral");
    expect(text(reply)).not.toContain("Something went wrong");
    expect(reply.text).toContain("Nothing was changed; please run the command again.");
    expect(snapshotDiff(before, await teamSnapshot(team))).toEqual([]);
  });

  it("expired_trigger_id on views.open for Request changes: the approver is told to click again, the phase is untouched", async () => {
    const team = "T0ETI2";
    h().standIn.reset();
    const { request } = await cycleAwaitingSignoff(h(), team);
    const before = await teamSnapshot(team);
    h().standIn.failNext("views.open", { error: "expired_trigger_id" });
    const { reply } = await click(team, "U0LEAD", request, CYCLE_ACTIONS.requestChanges);
    expect(text(reply)).not.toContain("Something went wrong");
    expect(text(reply)).toContain("Nothing was changed; please click the button again.");
    expect(snapshotDiff(before, await teamSnapshot(team))).toEqual([]);
    expect((await getCycle(team, PERIOD))?.phases.data?.status).toBe("submitted");
  });
});

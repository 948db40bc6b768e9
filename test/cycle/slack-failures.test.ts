/**
 * Slack output failing after a committed transition: the state change stands (it is the source of truth),
 * nothing is half-done or repeated, and the actor is told what did not go out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import {
  as,
  clickButton,
  command,
  configureTeam,
  eventCount,
  LEAD,
  openModal,
  pasteValues,
  planCsv,
  signoffMessage,
  submitModal,
  TEAM,
  textOf,
} from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));
const ANALYST = as("U0ANALYST");

describe("Slack failures after a state change", () => {
  const h = useHarness("cycle-slackfail", { clock });

  beforeAll(async () => {
    await configureTeam();
  });

  it("kickoff cannot be posted (bot not in the channel): the cycle is started anyway and the admin is told", async () => {
    h().standIn.notInChannel.add("C0SOP");
    const reply = await command(h(), LEAD, "start 2027-01");
    h().standIn.notInChannel.delete("C0SOP");
    expect(textOf(reply)).toContain("Started the 2027-01 cycle");
    expect(textOf(reply)).toContain("the kickoff message (not_in_channel, ref ");
    expect((await getCycle(TEAM, "2027-01"))!.phases.data!.status).toBe("open");
    // Starting again does not post a second kickoff or change anything.
    expect(textOf(await command(h(), LEAD, "start 2027-01"))).toContain("already started");
  });

  it("the sign-off request cannot be posted: the version is stored and submitted, the owner is told", async () => {
    const modal = await openModal(h(), ANALYST, "submit data");
    h().standIn.failNext("chat.postMessage", { error: "channel_not_found" });
    expect(await submitModal(h(), ANALYST, modal, pasteValues(planCsv({ families: 2 })))).toBeNull();
    const cycle = (await getCycle(TEAM, "2027-01"))!;
    expect(cycle.phases.data).toMatchObject({ status: "submitted", version: 1 });
    expect(textOf(h().standIn.messagesIn("DU0ANALYST").at(-1)?.blocks)).toContain(
      "the sign-off request (channel_not_found, ref ",
    );
    // The approver still gets the DM and can sign off from the App Home.
    expect(textOf(h().standIn.messagesIn("DU0LEAD").at(-1)?.blocks)).toContain("Your sign-off is needed");
  });

  it("the sign-off message cannot be updated: the approval stands, once, and the approver is told", async () => {
    const events = await eventCount(TEAM, "2027-01");
    h().standIn.failNext("chat.update", { error: "message_not_found" });
    const { responseId } = await h().driver.click(LEAD, {
      actionId: CYCLE_ACTIONS.approve,
      value: JSON.stringify({ p: "2027-01", ph: "data", v: 1 }),
    });
    await h().settle();
    const reply = textOf(await h().driver.reply(responseId));
    expect(reply).toContain("You approved");
    expect(reply).toContain("the update of the sign-off request (message_not_found, ref ");
    expect((await getCycle(TEAM, "2027-01"))!.phases.data!.status).toBe("approved");
    expect(await eventCount(TEAM, "2027-01")).toBe(events + 1);
  });

  it("a rate-limited post is retried by the client and goes out once", async () => {
    const DP = as("U0DP");
    const modal = await openModal(h(), DP, "submit demand");
    h().standIn.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    expect(await submitModal(h(), DP, modal, pasteValues(planCsv({ families: 2 })))).toBeNull();
    const request = signoffMessage(h(), "Demand review", 1);
    expect(
      h()
        .standIn.messagesIn("C0SOP")
        .filter((m) => m.ts === request.ts),
    ).toHaveLength(1);
    const reply = await clickButton(h(), as("U0SALES"), request, CYCLE_ACTIONS.approve);
    expect(textOf(reply)).toContain("You approved");
  });
});

/**
 * Concurrency and Slack retries: fifty Approve clicks at once, Approve against Request changes, and the
 * same delivery twice — each makes exactly one transition and one audit event.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import {
  CYCLE_ACTIONS,
  CYCLE_VIEWS,
  encodeDecisionRef,
  REQUEST_CHANGES_INPUT,
} from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import { configureTeam, eventCount, LEAD, modalErrors, planCsv, TEAM, textOf } from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));

async function cycleWithDataSubmitted(period: string): Promise<void> {
  await startCycle({ teamId: TEAM, period, by: "U0LEAD", at: clock.now() });
  await submitPlan({
    teamId: TEAM,
    period,
    phase: "data",
    by: "U0ANALYST",
    at: clock.now(),
    csv: planCsv({ families: 2, start: period }),
    source: "cli",
  });
}

describe("races and retries", () => {
  const h = useHarness("cycle-races", { clock });

  beforeAll(async () => {
    await configureTeam();
  });

  it("50 concurrent Approve clicks: one approval, one audit event, 49 clear 'already approved' answers", async () => {
    await cycleWithDataSubmitted("2027-01");
    const before = await eventCount(TEAM, "2027-01");
    const value = encodeDecisionRef({ period: "2027-01", phase: "data", version: 1 });
    const clicks = await Promise.all(
      Array.from({ length: 50 }, () =>
        h().driver.click(LEAD, { actionId: CYCLE_ACTIONS.approve, value, blockId: "signoff" }),
      ),
    );
    for (const c of clicks) expect(c.http.status).toBe(200);
    await h().settle();
    const replies = await Promise.all(clicks.map((c) => h().driver.reply(c.responseId).then(textOf)));
    expect(replies.filter((r) => r.includes("You approved"))).toHaveLength(1);
    expect(replies.filter((r) => r.includes("already approved by"))).toHaveLength(49);
    expect(await eventCount(TEAM, "2027-01")).toBe(before + 1);
    const cycle = (await getCycle(TEAM, "2027-01"))!;
    expect(cycle.events.filter((e) => e.action === "approve")).toHaveLength(1);
    expect(cycle.phases.data!.status).toBe("approved");
    expect(cycle.phases.demand!.status).toBe("open");
    // The next phase's owner was told once.
    expect(
      h()
        .standIn.messagesIn("DU0DP")
        .filter((m) => m.text?.includes("Demand review for 2027-01 is open")),
    ).toHaveLength(1);
  });

  it.each(["2027-02", "2027-03", "2027-04"])(
    "Approve and Request changes at the same moment (%s): exactly one wins, the other is told",
    async (period) => {
      await cycleWithDataSubmitted(period);
      const before = await eventCount(TEAM, period);
      const ref = encodeDecisionRef({ period, phase: "data", version: 1 });
      const [approve, rc] = await Promise.all([
        h().driver.click(LEAD, { actionId: CYCLE_ACTIONS.approve, value: ref, blockId: "signoff" }),
        h().driver.submitView(LEAD, { callback_id: CYCLE_VIEWS.requestChanges, private_metadata: ref }, {
          [REQUEST_CHANGES_INPUT.block]: {
            [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: "redo" },
          },
        } as never),
      ]);
      await h().settle();
      expect(await eventCount(TEAM, period)).toBe(before + 1);
      const cycle = (await getCycle(TEAM, period))!;
      const decided = cycle.events.filter((e) => e.action === "approve" || e.action === "request_changes");
      expect(decided).toHaveLength(1);
      const approveText = textOf(await h().driver.reply(approve.responseId));
      const rcErrors = textOf(modalErrors(rc.http.json));
      if (decided[0]!.action === "approve") {
        expect(approveText).toContain("You approved");
        expect(rcErrors).toContain("already approved");
      } else {
        expect(approveText).toContain("already requested");
        expect(rc.http.json).toBeNull();
        expect(cycle.phases.data!.status).toBe("changes_requested");
      }
    },
  );

  it("a double click on Approve changes state once; the second click is told it was already decided", async () => {
    await cycleWithDataSubmitted("2027-05");
    const before = await eventCount(TEAM, "2027-05");
    const value = encodeDecisionRef({ period: "2027-05", phase: "data", version: 1 });
    const first = await h().driver.click(LEAD, {
      actionId: CYCLE_ACTIONS.approve,
      value,
      blockId: "signoff",
    });
    // The same button again (Slack does not retry interactivity; a person clicks twice).
    const second = await h().driver.post(first.body, "application/x-www-form-urlencoded");
    expect(second.status).toBe(200);
    await h().settle();
    expect(await eventCount(TEAM, "2027-05")).toBe(before + 1);
    const answers = h()
      .standIn.responsesTo(first.responseId)
      .map((r) => textOf(r.body));
    expect(answers).toHaveLength(2);
    expect(answers.filter((a) => a.includes("You approved"))).toHaveLength(1);
    expect(answers.find((a) => !a.includes("You approved"))).toContain("Nothing changed");
  });

  it("/sop start sent twice posts one kickoff", async () => {
    const kickoffs = () =>
      h()
        .standIn.messagesIn("C0SOP")
        .filter((m) => m.text?.startsWith("S&OP cycle 2027-06 has started"));
    const first = await h().driver.command(LEAD, "start 2027-06");
    await h().driver.post(first.body, "application/x-www-form-urlencoded");
    await h().driver.post(first.body, "application/x-www-form-urlencoded");
    await h().settle();
    expect(kickoffs()).toHaveLength(1);
    expect(await eventCount(TEAM, "2027-06")).toBe(1);
  });

  it("concurrent submissions of the same phase store one version", async () => {
    await startCycle({ teamId: TEAM, period: "2027-07", by: "U0LEAD", at: clock.now() });
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        submitPlan({
          teamId: TEAM,
          period: "2027-07",
          phase: "data",
          by: "U0ANALYST",
          at: clock.now(),
          csv: planCsv({ families: i + 1, start: "2027-07" }),
          expectedVersion: 0,
          source: "cli",
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const cycle = (await getCycle(TEAM, "2027-07"))!;
    expect(cycle.phases.data!.version).toBe(1);
    expect(cycle.events.filter((e) => e.action === "submit")).toHaveLength(1);
    for (const a of attempts)
      if (a.status === "rejected") expect(String(a.reason.message)).toMatch(/submitted v1|being stored/);
  });
});

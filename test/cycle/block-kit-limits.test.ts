/**
 * Block Kit limits at scale: a 5,000-family × 18-month plan (90,000 lines, uploaded) gets a sign-off
 * request the stand-in accepts, and is acked well inside Slack's 3 s; status with seven phases, the App
 * Home and the setup modal fit too. The stand-in rejects any oversize message or view with invalid_blocks.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { decidePhase } from "../../src/cycle/decide.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { approvedPlan } from "../../src/plans/approved-plan.ts";
import { checkMessage, checkView } from "../support/block-kit-limits.ts";
import { useHarness } from "../support/harness.ts";
import {
  approveDataPhase,
  as,
  command,
  configureTeam,
  dbState,
  fileValues,
  LEAD,
  openModal,
  planCsv,
  signoffMessage,
  submitModal,
  TEAM,
  textOf,
} from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));

describe("Block Kit limits at scale", () => {
  const h = useHarness("cycle-limits", { clock });

  beforeAll(async () => {
    await configureTeam();
    await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: clock.now() });
    await approveDataPhase(planCsv({ families: 5 }), clock.now());
  });

  it("a 90,000-line plan: acked in time, stored, and its sign-off request fits (and so does v2's diff)", async () => {
    const DP = as("U0DP");
    for (const [version, families] of [
      [1, 5000],
      [2, 4990],
    ] as const) {
      const csv = planCsv({ families });
      h().standIn.files.set(`F0BIG${version}`, {
        id: `F0BIG${version}`,
        filename: "big.csv",
        bytes: Buffer.from(csv),
        shared: false,
      });
      const modal = await openModal(h(), DP, "submit demand");
      const started = performance.now();
      const { http } = await h().driver.submitView(
        DP,
        { ...modal.view, id: modal.id },
        fileValues(`F0BIG${version}`) as never,
      );
      const ackMs = performance.now() - started;
      expect(http.status).toBe(200);
      // Too big to check inside the 3 s: the modal turns into a progress view at once…
      expect(http.json?.response_action).toBe("update");
      expect(textOf(http.json)).toContain("Checking and storing");
      expect(ackMs).toBeLessThan(1000);
      await h().settle();
      // …and shows the result when done.
      expect(textOf(h().standIn.views.get(modal.id)?.view)).toContain(`Stored *v${version}*`);
      const request = signoffMessage(h(), "Demand review", version);
      expect(checkMessage({ blocks: request.blocks, text: request.text })).toEqual([]);
      expect(textOf(request.blocks)).toContain(`*Families*\\n${families.toLocaleString("en-US")}`);
      if (version === 1) {
        const rc = await h().driver.click(as("U0SALES"), {
          actionId: "sop_request_changes",
          value: JSON.stringify({ p: "2027-01", ph: "demand", v: 1 }),
        });
        await h().settle();
        const rcModal = h().standIn.lastViewFor("U0SALES")!;
        await submitModal(h(), as("U0SALES"), rcModal, {
          rc_comment: { comment: { type: "plain_text_input", value: "drop the 10 smallest" } },
        });
        void rc;
      } else {
        expect(textOf(request.blocks)).toContain("10 removed");
        expect(textOf(request.blocks)).toContain("and 2 more families");
        expect(textOf(request.blocks)).toContain("4,990 other families unchanged (within ±0.5 %)");
      }
    }
    await decidePhase({
      teamId: TEAM,
      period: "2027-01",
      phase: "demand",
      version: 2,
      by: "U0SALES",
      at: clock.now(),
      decision: "approve",
    });
    const plan = await approvedPlan(TEAM, "2027-01", "demand");
    expect(plan?.rows).toBe(4990 * 18);
    expect(plan?.families).toHaveLength(4990);
    expect(h().standIn.calls.filter((c) => !c.ok && c.status !== 429)).toEqual([]);
  });

  it("a large upload with bad lines: the progress view turns into the problem list, nothing stored", async () => {
    const lines = ["family,period,quantity"];
    for (let f = 0; f < 30_000; f++)
      lines.push(`FAM-${f},2027-0${(f % 9) + 1},${f % 1000 === 7 ? "-1" : "5"}`);
    h().standIn.files.set("F0BIGBAD", {
      id: "F0BIGBAD",
      filename: "bad-big.csv",
      bytes: Buffer.from(lines.join("\n")),
      shared: false,
    });
    const SP = as("U0SP");
    const modal = await openModal(h(), SP, "submit supply");
    const before = await dbState();
    const { http } = await h().driver.submitView(
      SP,
      { ...modal.view, id: modal.id },
      fileValues("F0BIGBAD") as never,
    );
    expect(http.json?.response_action).toBe("update");
    await h().settle();
    const result = textOf(h().standIn.views.get(modal.id)?.view);
    expect(result).toContain("Plan not accepted");
    expect(result).toContain('line 9: quantity \\"-1\\" must not be negative');
    expect(textOf(h().standIn.messagesIn("DU0SP").at(-1)?.blocks)).toContain("Every problem");
    expect(await dbState()).toEqual(before);
  });

  it("status with seven phases, the App Home and the setup modal stay within limits", async () => {
    const status = await command(h(), LEAD, "status 2027-01");
    expect(checkMessage(status)).toEqual([]);
    expect(textOf(status.blocks).match(/\*\d\. /g)).toHaveLength(7);

    await h().driver.event(TEAM, { type: "app_home_opened", user: "U0SP", channel: "DU0SP", tab: "home" });
    await h().settle();
    const home = h().standIn.homes.get("U0SP")!;
    expect(checkView(home)).toEqual([]);
    expect(textOf(home)).toContain("Submit Supply review");

    const setup = await openModal(h(), LEAD, "setup");
    expect(checkView(setup.view)).toEqual([]);
    expect((setup.view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
  });
});

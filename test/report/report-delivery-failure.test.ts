/**
 * A report that cannot be delivered in full never undoes the approval that triggered it, and the
 * approver is told what did not go out: Slack refuses the PDF and workbook upload, so the summary
 * and the charts reach the exec channel, the files do not, pre-S&OP is open, and a follow-up to the
 * approver names the missing piece with Slack's error and a log reference. The gap report's file, sent
 * before the approval's reply, is refused too and named in that reply.
 */
import { describe, expect, it } from "vitest";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import { as, signoffMessage, TEAM, textOf } from "../cycle/helpers.ts";
import { useHarness } from "../support/harness.ts";
import { newReportClock, PERIOD, upToFinancialSignoff } from "./report-flow.ts";

const clock = newReportClock();

describe("an S&OP report Slack refuses in part", () => {
  const h = useHarness("report-delivery-failure", { clock });

  it("keeps the approval, posts what it can and tells the approver what is missing", {
    timeout: 180_000,
  }, async () => {
    await upToFinancialSignoff(h(), clock);
    // Opening pre-S&OP uploads the gap report file (told in the approval's reply), then the report's PDF
    // and workbook (one files.uploadV2 call, told in a follow-up); the charts come after them.
    h().standIn.failNext("files.completeUploadExternal", { error: "internal_error" }, 2);
    const request = signoffMessage(h(), "Financial review", 1);
    const { http, responseId } = await h().driver.clickInMessage(as("U0CFO"), request, CYCLE_ACTIONS.approve);
    expect(http.status).toBe(200);

    const replies = await h().standIn.waitFor(
      () => {
        const r = h().standIn.responsesTo(responseId);
        return r.length >= 2 ? r : undefined;
      },
      120_000,
      "the approval's reply and the follow-up about the report",
    );
    const reply = textOf(replies[0]!.body);
    expect(reply).toContain("You approved *Financial review* v1");
    expect(reply).toContain("The change is saved, but some Slack messages could not be sent");
    expect(reply).toMatch(/the gap report[^;]*\(internal_error, ref /);
    const followUp = textOf(replies[1]!.body);
    expect(followUp).toContain("The change is saved, but some Slack messages could not be sent");
    expect(followUp).toContain("the S&OP report's PDF and workbook (internal_error, ref ");
    expect(followUp).not.toContain("charts");
    expect(followUp).not.toMatch(/nothing was changed/i);

    const cycle = await getCycle(TEAM, PERIOD);
    expect(cycle?.phases.finance?.status).toBe("approved");
    expect(cycle?.phases.pre_sop?.status).toBe("open");

    const summary = h()
      .standIn.messagesIn("C0EXEC")
      .find((m) => m.text?.startsWith("S&OP report "));
    expect(summary).toBeDefined();
    const inThread = await h().standIn.waitFor(
      () => {
        const files = [...h().standIn.files.values()].filter((f) => f.threadTs === summary!.ts);
        return files.length >= 2 ? files : undefined;
      },
      60_000,
      "the charts",
    );
    expect(inThread.map((f) => f.filename).sort()).toEqual([
      "projection-2027-01-1.png",
      "projection-2027-01-2.png",
    ]);
  });
});

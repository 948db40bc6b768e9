/**
 * The S&OP report in Slack over signed HTTP, the stand-in and the real database: approving the
 * financial review opens pre-S&OP and posts the report's summary to the exec channel with the PDF, the
 * workbook and one chart per flagged family in its thread; the executive approval of a scenario posts
 * it again as the approved plan, and implementation's opening uploads the published plan workbook.
 * The files are read back (pdftotext, exceljs).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { APPROVE_ACTION_IDS, CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import {
  as,
  clickButton,
  LEAD,
  openModal,
  pasteValues,
  signoffMessage,
  submitModal,
  textOf,
} from "../cycle/helpers.ts";
import { useHarness } from "../support/harness.ts";
import type { PostedMessage, UploadedFile } from "../support/slack-standin.ts";
import { approve, demand, newReportClock, perMonth, step, upToFinancialSignoff } from "./report-flow.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "sop-report-slack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clock = newReportClock();

async function pdfText(file: UploadedFile, page?: number): Promise<string> {
  const path = join(dir, file.filename);
  writeFileSync(path, file.bytes);
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return (await run("pdftotext", ["-layout", ...range, path, "-"])).stdout;
}

async function workbook(file: UploadedFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the S&OP report in Slack", () => {
  const h = useHarness("report-in-slack", { clock });
  const reportMessages = () =>
    h()
      .standIn.messagesIn("C0EXEC")
      .filter((m) => m.text?.startsWith("S&OP report "));
  const filesIn = (m: PostedMessage) => [...h().standIn.files.values()].filter((f) => f.threadTs === m.ts);

  // Building the report (PDF, workbook, charts) takes a while on a busy machine: a limit, not a timing.
  it("is posted when pre-S&OP opens: summary, PDF, workbook and one chart per flagged family", {
    timeout: 180_000,
  }, async () => {
    await upToFinancialSignoff(h(), clock);
    const reply = await clickButton(
      h(),
      as("U0CFO"),
      signoffMessage(h(), "Financial review", 1),
      CYCLE_ACTIONS.approve,
    );
    expect(textOf(reply)).toContain("The S&OP report is being built for <#C0EXEC>.");

    const [summary] = await h().standIn.waitFor(
      () => (reportMessages().length ? reportMessages() : undefined),
      60_000,
      "the report's summary",
    );
    const text = textOf(summary!.blocks);
    expect(text).toContain("S&OP report 2027-01 for the pre-S&OP");
    expect(text).toContain("Needs a decision: 2 families of 3 flagged");
    expect(text).toContain("*ALPHA*");
    expect(text).toContain("*BRAVO*");
    expect(text).not.toContain("*CHARLIE*");
    expect(text).toContain("Scenarios to choose from");
    expect(text).toContain("*overtime*");

    // The files follow the summary (rendering takes a while on a busy machine): wait for all four.
    const files = await h().standIn.waitFor(
      () => (filesIn(summary!).length >= 4 ? filesIn(summary!) : undefined),
      60_000,
      "the report's files and charts",
    );
    expect(files.map((f) => f.filename).sort()).toEqual([
      "projection-2027-01-1.png",
      "projection-2027-01-2.png",
      "sop-report-2027-01.pdf",
      "sop-report-2027-01.xlsx",
    ]);
    expect(files.every((f) => f.channel === "C0EXEC")).toBe(true);
    const pdf = files.find((f) => f.filename.endsWith(".pdf"))!;
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const cover = await pdfText(pdf, 1);
    expect(cover).toContain("ALPHA");
    expect(cover).toContain("BRAVO");
    const wb = await workbook(files.find((f) => f.filename.endsWith(".xlsx"))!);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Decisions needed", "ALPHA", "BRAVO", "CHARLIE"]));
    for (const png of files.filter((f) => f.filename.endsWith(".png"))) {
      expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(png.title).toMatch(/^(ALPHA|BRAVO): demand, supply and projected inventory$/);
    }
  });

  it("is posted again at the executive approval, and implementation gets the published plan workbook", {
    timeout: 180_000,
  }, async () => {
    await step(clock, "pre_sop", "U0LEAD", demand);
    await approve(clock, "pre_sop", 1, "U0LEAD");
    const exec = await openModal(h(), LEAD, "submit exec");
    await submitModal(h(), LEAD, exec, pasteValues(demand));
    const request = signoffMessage(h(), "Executive S&OP", 1);
    const overtime = APPROVE_ACTION_IDS[1]!;
    const reply = await clickButton(h(), as("U0CEO"), request, overtime);
    expect(textOf(reply)).toContain("Scenario *overtime* is the published plan");
    expect(textOf(reply)).toContain("The S&OP report is being built for <#C0EXEC>.");

    const messages = await h().standIn.waitFor(
      () => (reportMessages().length >= 2 ? reportMessages() : undefined),
      60_000,
      "the approved report's summary",
    );
    expect(messages).toHaveLength(2);
    const approved = messages[1]!;
    const text = textOf(approved.blocks);
    expect(text).toContain("S&OP report 2027-01 — the approved plan");
    expect(text).toContain("*No family is flagged* over the horizon (3 families)."); // overtime covers them
    expect(text).toContain("the executive S&OP approved *overtime*");
    expect(text).toContain("Scenario shown: overtime");
    const files = (
      await h().standIn.waitFor(
        () => (filesIn(approved).length >= 2 ? filesIn(approved) : undefined),
        60_000,
        "the approved report's files",
      )
    ).map((f) => f.filename);
    expect(files).toEqual(
      expect.arrayContaining(["sop-report-2027-01-approved.pdf", "sop-report-2027-01-approved.xlsx"]),
    );

    // Implementation opened: the published plan, as approved (supply's overtime version), for the S&OP channel.
    const plan = await h().standIn.waitFor(
      () => [...h().standIn.files.values()].find((f) => f.filename === "published-plan-2027-01.xlsx"),
      60_000,
      "the published plan workbook",
    );
    expect(plan).toMatchObject({ channel: "C0SOP" });
    expect(plan!.initialComment).toContain("(scenario *overtime*)");
    expect(plan!.initialComment).toContain("Supply review v2");
    const wb = await workbook(plan!);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Published plan",
      "Demand review",
      "Supply review",
      "Financial review",
    ]);
    const supply = wb.getWorksheet("Supply review")!;
    expect(supply.getRow(1).values).toEqual([undefined, "Family", "Month", "Quantity", "Capacity"]);
    expect(supply.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows: unknown[][] = [];
    supply.eachRow((r, i) => {
      if (i > 1) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toEqual(perMonth((f, m) => [f, m, f === "CHARLIE" ? 50 : 115, f === "CHARLIE" ? 200 : 140]));
    expect(supply.getCell("C2").numFmt).toBe("#,##0.##");
    expect(typeof supply.getCell("C2").value).toBe("number");
  });
});

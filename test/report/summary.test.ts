/**
 * The report's Slack summary: what needs a decision, the scenarios, the open actions and the company
 * totals — within Block Kit's limits for 5,000 families (summarised, never overflowing).
 */
import { describe, expect, it } from "vitest";
import { reportSummaryMessage } from "../../views/report-summary.ts";
import { checkBlocks } from "../support/block-kit-limits.ts";
import { manyFamilies, sampleReport } from "./fixtures.ts";

const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe("report summary in Slack", () => {
  it("says what needs a decision, by how much, and what to choose between", () => {
    const m = reportSummaryMessage(sampleReport(), {
      today: "2026-12-23",
      charts: 3,
      files: ["sop-report-2026-12.pdf", "sop-report-2026-12.xlsx"],
    });
    const t = textOf(m.blocks);
    expect(t).toContain("Needs a decision: 3 families of 3 flagged*");
    expect(t).toContain("1 with a projected stock-out");
    expect(t).toContain("Projected shortfall: *62 units* (≈ EUR 620 at plan prices)");
    expect(t).toContain("*Milk frothers* — stock-out from 2027-01 (62 short) · revenue gap EUR 600");
    expect(t).toContain("*Espresso machines* — 100 % of capacity (1 month)");
    expect(t).toContain("*overtime* (supply v2): 0 families short (0 units)");
    expect(t).toContain("Book overtime crew for line 2 — <@U0OPS>, due 2026-12-22 (*1 day overdue*)");
    expect(t).toContain("*Decisions logged* (1):\\n• Run line 2 on Saturdays in January — <@");
    expect(t).toContain("in the thread: `sop-report-2026-12.pdf` and `sop-report-2026-12.xlsx`, 3 charts");
    expect(checkBlocks(m.blocks, 50)).toEqual([]);
    expect(m.text).toBe("S&OP report 2026-12: 3 of 3 families flagged, 1 open action items");
  });

  it("marks the approved scenario", () => {
    const m = reportSummaryMessage(sampleReport({ approved: "overtime" }), {
      today: "2026-12-21",
      charts: 0,
      files: [],
    });
    expect(textOf(m.blocks)).toContain("the executive S&OP approved *overtime*");
    expect(textOf(m.blocks)).toContain("*overtime* :white_check_mark: approved");
  });

  it("summarises 5,000 families within Block Kit limits", () => {
    const report = sampleReport({ families: manyFamilies(5000) });
    const m = reportSummaryMessage(report, { today: "2026-12-23", charts: 5, files: ["a.pdf", "b.xlsx"] });
    expect(checkBlocks(m.blocks, 50)).toEqual([]);
    const t = textOf(m.blocks);
    expect(t).toContain("of 5,000 flagged");
    expect(t).toMatch(/…and 4,098 more flagged families in the PDF and the workbook/);
    expect(t).toContain("&lt;&amp;&gt;");
    expect(t.length).toBeLessThan(12_000);
  });
});

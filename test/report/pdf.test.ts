/**
 * The report PDF, parsed back with poppler (pdfinfo, pdftotext) and rendered to PNG with pdftoppm:
 * one page per family plus the fixed pages, the cover names the flagged families (and only those),
 * the cover's page numbers lead to each family's page, and the pages are not blank.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportPdf } from "../../src/report/pdf/render-pdf.ts";
import { pixelStats } from "../charts/png.ts";
import { A, B, C, D, sampleReport } from "./fixtures.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "sop-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(file: string, page?: number): Promise<string> {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return (await run("pdftotext", ["-layout", ...range, file, "-"])).stdout;
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

// Cover, company roll-up, one page of family groups, scenarios, KPI scorecard, the log.
const FIXED_PAGES = 6;

describe("report PDF", () => {
  const file = join(dir, "report.pdf");
  let layout: Awaited<ReturnType<typeof renderReportPdf>>["layout"];
  beforeAll(async () => {
    const r = await renderReportPdf(sampleReport({ families: [A, B, C, D] }));
    writeFileSync(file, r.pdf);
    layout = r.layout;
  });

  it("has one page per family plus the fixed pages", async () => {
    expect(await pageCount(file)).toBe(4 + FIXED_PAGES);
    expect(layout.pages).toBe(4 + FIXED_PAGES);
  });

  it("names the flagged families on the cover, and not the others", async () => {
    const cover = await pdfText(file, 1);
    expect(cover).toContain("Decisions needed");
    expect(cover).toContain("3 of 4 families flagged");
    for (const f of [A, B, C]) expect(cover).toContain(f.family);
    expect(cover).not.toContain(D.family);
    expect(cover).toMatch(/Milk frothers\s+stock-out, revenue gap\s+2027-01\s+62/);
    expect(cover).toContain("Book overtime crew for line 2 (Omar Ops, due 2026-12-22)");
  });

  it("points from the cover to each family's own page", async () => {
    for (const f of [A, B, C, D]) {
      const page = layout.familyPages.get(f.family)!;
      expect((await pdfText(file, page)).split("\n")[0]).toContain(f.family);
    }
    // Flagged first, worst first: the stock-out family gets the first family page.
    expect(layout.familyPages.get(B.family)).toBe(5);
  });

  it("shows the grid's numbers, the scenarios and the log", async () => {
    const frothers = await pdfText(file, layout.familyPages.get(B.family));
    expect(frothers).toMatch(/Inventory\s+–\s+–\s+–\s+8\s+−2\s+−62\s+−42/);
    const all = await pdfText(file);
    expect(all).toContain("Scenarios side by side");
    expect(all).toMatch(/Units short \(largest backorder, Σ families\)\s+62\s+0/);
    expect(all).toContain("KPI scorecard");
    expect(all).toMatch(/Action item\s+Book overtime crew for line 2\s+Omar Ops\s+2026-12-22\s+open/);
  });

  it("renders pages that are not blank", async () => {
    await run("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "5", file, join(dir, "page")]);
    for (const n of ["01", "02", "05"]) {
      const stats = await pixelStats(readFileSync(join(dir, `page-${n}.png`)));
      expect(stats.width).toBeGreaterThan(stats.height); // landscape
      expect(stats.cornerWhite).toBe(1);
      expect(stats.inkRatio).toBeGreaterThan(0.01);
      expect(stats.distinctColors).toBeGreaterThan(8);
    }
  });

  it("stops the family pages at the limit, flagged first, and says where the rest are", async () => {
    const r = await renderReportPdf(sampleReport({ families: [A, B, C, D] }), { maxFamilyPages: 2 });
    const capped = join(dir, "capped.pdf");
    writeFileSync(capped, r.pdf);
    expect(await pageCount(capped)).toBe(2 + FIXED_PAGES);
    // Severity: B 3 stock-out months + 1 revenue gap, C 4 backlog months, A 1 capacity + 1 revenue gap.
    expect([...r.layout.familyPages.keys()]).toEqual([B.family, C.family]);
    expect(await pdfText(capped, 1)).toMatch(/Espresso machines\s+capacity, revenue gap.*xlsx/);
  });
});

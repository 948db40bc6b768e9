import { describe, expect, it } from "vitest";
import { formatProblem, type PlanRules, parsePlanCsv } from "../../src/plans/plan-csv.ts";
import { planLines } from "../../src/plans/plan-lines.ts";
import { summarizePlan } from "../../src/plans/plan-summary.ts";

const demand: PlanRules = {
  cyclePeriod: "2027-01",
  horizonMonths: 18,
  requireRevenue: false,
  allowCapacity: false,
};
const finance: PlanRules = { ...demand, requireRevenue: true };
const supply: PlanRules = { ...demand, allowCapacity: true };
const withFamilies: PlanRules = { ...demand, families: ["Widget-A", "Widget-B"] };

function problems(text: string, rules = demand): string[] {
  const r = parsePlanCsv(text, rules);
  if (r.ok) throw new Error("expected the plan to be rejected");
  return r.problems.map(formatProblem);
}

describe("parsePlanCsv accepts", () => {
  it("a plain plan, with BOM, CRLF, quotes, decimals and blank lines", () => {
    const text =
      '\uFEFFFamily,Period,Quantity\r\n"Widget, large",2027-01,10.5\r\n\r\nWidget-B,2027-02,+3\r\n,,\r\nWidget-B,2028-06,.25\r\n';
    const r = parsePlanCsv(text, demand);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(planLines(r.plan)).toEqual([
      { family: "Widget, large", period: "2027-01", quantity: 10.5 },
      { family: "Widget-B", period: "2027-02", quantity: 3 },
      { family: "Widget-B", period: "2028-06", quantity: 0.25 },
    ]);
    expect(r.plan.families).toEqual(["Widget, large", "Widget-B"]);
  });

  it("columns in any order; revenue for finance; optional capacity for supply", () => {
    const f = parsePlanCsv("revenue,quantity,period,family\n1200.5,10,2027-03,A\n", finance);
    expect(f.ok && planLines(f.plan)).toEqual([
      { family: "A", period: "2027-03", quantity: 10, revenue: 1200.5 },
    ]);
    const s = parsePlanCsv("family,period,quantity,capacity\nA,2027-01,10,12\nA,2027-02,11,\n", supply);
    expect(s.ok && planLines(s.plan)).toEqual([
      { family: "A", period: "2027-01", quantity: 10, capacity: 12 },
      { family: "A", period: "2027-02", quantity: 11, capacity: null },
    ]);
  });

  it("a 5,000-family × 18-month plan", () => {
    const lines = ["family,period,quantity,revenue"];
    const periods = Array.from(
      { length: 18 },
      (_, i) => `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
    );
    for (let f = 0; f < 5000; f++)
      for (const p of periods) lines.push(`F${f},${p},${(f % 97) + 0.5},${f * 3}`);
    // No timing here (shared CPUs): the plan benchmarks measure it.
    const r = parsePlanCsv(lines.join("\n"), finance);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.rows).toBe(90_000);
    expect(r.plan.families.length).toBe(5000);
    const s = summarizePlan(r.plan);
    expect(s).toMatchObject({
      rows: 90_000,
      families: 5000,
      periodFrom: "2027-01",
      periodTo: "2028-06",
      periodCount: 18,
    });
  });
});

describe("parsePlanCsv rejects, naming every bad line (header = line 1)", () => {
  it.each([
    ["empty file", "", ["the file is empty"]],
    ["whitespace only", " \r\n\r\n", ["the file is empty"]],
    ["header only", "family,period,quantity\r\n", ["the file has a header but no plan lines"]],
    [
      "missing column",
      "family,period\nA,2027-01\n",
      [
        "line 1: missing column quantity — the first line must be the header family,period,quantity[,revenue]",
      ],
    ],
    [
      "no header",
      "A,2027-01,5\n",
      [
        'line 1: no header: the first line must be the header family,period,quantity[,revenue] (found "A,2027-01,5")',
      ],
    ],
    ["empty family", "family,period,quantity\n,2027-01,5\n", ["line 2: family is empty"]],
    [
      "bad period",
      "family,period,quantity\nA,2027-13,5\nA,Jan 2027,5\n",
      [
        'line 2: period "2027-13" is not a month like 2027-01 (YYYY-MM)',
        'line 3: period "Jan 2027" is not a month like 2027-01 (YYYY-MM)',
      ],
    ],
    [
      "outside the horizon",
      "family,period,quantity\nA,2026-12,5\nA,2028-07,5\nA,2028-06,5\n",
      [
        "line 2: period 2026-12 is outside this cycle's horizon 2027-01 … 2028-06",
        "line 3: period 2028-07 is outside this cycle's horizon 2027-01 … 2028-06",
      ],
    ],
    [
      "negative quantity",
      "family,period,quantity\nA,2027-01,-5\n",
      ['line 2: quantity "-5" must not be negative'],
    ],
    [
      "non-numeric quantity",
      "family,period,quantity\nA,2027-01,12a\nB,2027-01,1,000\n",
      [
        'line 2: quantity "12a" is not a number',
        "line 3: expected 3 fields (family,period,quantity), found 4",
      ],
    ],
    ["empty quantity", "family,period,quantity\nA,2027-01,\n", ["line 2: quantity is empty"]],
    [
      "duplicate family+period",
      "family,period,quantity\nA,2027-01,5\nB,2027-01,5\nA,2027-01,6\n",
      ["line 4: duplicate of line 2 (A, 2027-01)"],
    ],
    [
      "too few fields",
      "family,period,quantity\nA,2027-01\n",
      ["line 2: expected 3 fields (family,period,quantity), found 2"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("line numbers stay the file's own across blank lines, CRLF and multi-line quoted fields", () => {
    const text =
      'family,period,quantity\r\n\r\nA,2027-01,1\r\n"B\r\nline two",2027-01,x\r\n\r\nC,2027-01,-1\r\n';
    expect(problems(text)).toEqual([
      'line 4: quantity "x" is not a number',
      'line 7: quantity "-1" must not be negative',
    ]);
  });

  it("mixed line endings (CRLF, LF, CR) in one file, with and without quotes", () => {
    const text = "family,period,quantity\r\nA,2027-01,1\nB,2027-01,x\rC,2027-01,2\r\n\nD,2027-01,-1\n";
    expect(problems(text)).toEqual([
      'line 3: quantity "x" is not a number',
      'line 6: quantity "-1" must not be negative',
    ]);
    expect(problems(`${text}"E",2027-01,y\n`)).toEqual([
      'line 3: quantity "x" is not a number',
      'line 6: quantity "-1" must not be negative',
      'line 7: quantity "y" is not a number',
    ]);
  });

  it("unknown families when the team lists them, with a hint for a case slip", () => {
    expect(
      problems(
        "family,period,quantity\nwidget-a,2027-01,1\nGadget,2027-01,1\nWidget-B,2027-01,1\n",
        withFamilies,
      ),
    ).toEqual([
      'line 2: unknown family "widget-a" (did you mean "Widget-A"?)',
      'line 3: unknown family "Gadget" (not in the team\'s family list)',
    ]);
  });

  it("finance without revenue, capacity outside supply, bad revenue", () => {
    expect(problems("family,period,quantity\nA,2027-01,1\n", finance)).toEqual([
      "line 1: missing column revenue — the first line must be the header family,period,quantity,revenue",
    ]);
    expect(problems("family,period,quantity,capacity\nA,2027-01,1,2\n")).toEqual([
      "line 1: column capacity is only accepted in the supply plan",
    ]);
    expect(problems("family,period,quantity,revenue\nA,2027-01,1,-3\n", finance)).toEqual([
      'line 2: revenue "-3" must not be negative',
    ]);
  });

  it("lists every bad line, not just the first", () => {
    const lines = ["family,period,quantity"];
    for (let i = 0; i < 300; i++) lines.push(`F${i},2027-01,${i % 2 ? "bad" : "1"}`);
    const p = problems(lines.join("\n"));
    expect(p).toHaveLength(150);
    expect(p[0]).toBe('line 3: quantity "bad" is not a number');
    expect(p.at(-1)).toBe('line 301: quantity "bad" is not a number');
  });

  it("an unreadable CSV (unclosed quote) names its line", () => {
    expect(problems('family,period,quantity\nA,2027-01,1\n"B,2027-01,2\n')[0]).toMatch(
      /^line \d+: the CSV cannot be read/,
    );
  });
});

describe("summarizePlan", () => {
  it("totals, monthly totals and the change against the previous version", () => {
    const v1 = parsePlanCsv(
      "family,period,quantity\nA,2027-01,10\nA,2027-02,10\nB,2027-01,5\nC,2027-01,1\n",
      demand,
    );
    const v2 = parsePlanCsv(
      "family,period,quantity\nA,2027-01,12\nA,2027-02,10\nB,2027-01,50\nD,2027-03,2\n",
      demand,
    );
    if (!v1.ok || !v2.ok) throw new Error("fixtures must parse");
    const s = summarizePlan(v2.plan, { version: 1, plan: v1.plan });
    expect(s.totals.quantity).toBe(74);
    expect(s.byPeriod).toEqual([
      { period: "2027-01", quantity: 62, revenue: null },
      { period: "2027-02", quantity: 10, revenue: null },
      { period: "2027-03", quantity: 2, revenue: null },
    ]);
    expect(s.previous).toMatchObject({
      version: 1,
      totals: { quantity: 26 },
      familiesAdded: 1,
      familiesRemoved: 1,
    });
    expect(s.previous!.topMovers[0]).toEqual({ family: "B", before: 5, after: 50 });
  });
});

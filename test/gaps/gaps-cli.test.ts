/** `sop gaps`: the gap report from the approved plans in the database, and a clear refusal when they are missing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureIndexes } from "../../src/db/connection.ts";
import { GAP_CSV_COLUMNS } from "../../src/gaps/gap-csv.ts";
import {
  csv,
  PERIOD,
  run,
  setUpTeam,
  startTestCycle,
  submitAndApprove,
  TEAM,
} from "../forecast-phase/fixtures.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

describe("sop gaps", () => {
  beforeAll(async () => {
    await connectTestDatabase("gaps");
    await ensureIndexes();
    await setUpTeam();
    await startTestCycle();
    await submitAndApprove(
      "data",
      "U0ANALYST",
      "U0LEAD",
      csv("family,period,quantity", [["A", "2027-01", 90]]),
    );
    await submitAndApprove(
      "demand",
      "U0DP",
      "U0SALES",
      csv("family,period,quantity", [
        ["A", "2027-01", 100],
        ["A", "2027-02", 200],
        ["B", "2027-01", 50],
      ]),
    );
    await submitAndApprove(
      "supply",
      "U0SP",
      "U0OPS",
      csv("family,period,quantity,capacity", [
        ["A", "2027-01", 105, 100],
        ["A", "2027-02", 150, 200],
      ]),
    );
  });
  afterAll(dropTestDatabase);

  it("refuses while an approved plan is missing, naming it", async () => {
    const r = await run(["gaps", "--team", TEAM, "--period", PERIOD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("needs the approved demand, supply and finance plans");
    expect(r.stderr).toContain("Financial review (finance) has no approved plan yet: it is open");
  });

  it("refuses a cycle that does not exist, and bad usage", async () => {
    const none = await run(["gaps", "--team", TEAM, "--period", "2027-05"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no S&OP cycle for 2027-05");
    expect((await run(["gaps", "--team", TEAM, "--period", PERIOD, "--format", "xml"])).code).toBe(2);
    expect((await run(["gaps", "--period", PERIOD])).code).toBe(2);
  });

  it("prints every family-month, the worst first, as JSON", async () => {
    await submitAndApprove(
      "finance",
      "U0FIN",
      "U0CFO",
      csv("family,period,quantity,revenue", [
        ["A", "2027-01", 100, 1000],
        ["A", "2027-02", 180, 1800],
        ["B", "2027-02", 10, 300],
      ]),
    );
    const r = await run(["gaps", "--team", TEAM, "--period", PERIOD]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      team: TEAM,
      period: PERIOD,
      versions: { demand: 1, supply: 1, finance: 1 },
      flagged: 4,
      missing: [],
      thresholds: { supplyVsDemand: 0.1, capacity: 1, revenueVsPlan: 0.05 },
      totals: { demand: 350, supply: 255, financeRevenue: 3100, demandRevenue: 4500 },
    });
    expect(out.rows.map((x: { family: string; period: string }) => `${x.family} ${x.period}`)).toEqual([
      "B 2027-01",
      "B 2027-02",
      "A 2027-02",
      "A 2027-01",
    ]);
    expect(out.rows[2]).toMatchObject({
      demand: 200,
      supply: 150,
      supplyMinusDemand: -50,
      supplyVsDemand: -0.25,
      utilization: 0.75,
      price: 10,
      demandRevenue: 2000,
      revenueGap: 200,
      flags: ["supplyVsDemand", "revenueVsPlan"],
    });
    expect(out.rows[0]).not.toHaveProperty("severity");
    // Short: B 2027-01 50 at 30, A 2027-02 50 at 10; at capacity: A 2027-01 (105 %).
    expect(out.shortfall).toMatchObject({ units: 100, revenue: 2000, familyMonths: 2 });
    expect(out.shortfall.atCapacity).toEqual([
      { family: "A", period: "2027-01", utilization: 1.05, supply: 105, capacity: 100 },
    ]);
  });

  it("prints the full CSV and a terminal table", async () => {
    const c = await run(["gaps", "--team", TEAM, "--period", PERIOD, "--format", "csv"]);
    expect(c.code).toBe(0);
    const lines = c.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(GAP_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(5);
    const t = await run(["gaps", "--team", TEAM, "--period", PERIOD, "--format", "table", "--top", "2"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("4 of 4 family-months over threshold");
    expect(t.stdout).toContain("approved versions: demand v1, supply v1, finance v1");
    expect(t.stdout).toContain("… and 2 more flagged");
    expect(t.stdout).toContain(
      "shortfall: 100 units below demand (≈ EUR 2,000 revenue at plan prices) in 2 family-months; 1 family-month at or over capacity",
    );
    expect(t.stdout).toMatch(/B\s+2027-01\s+50\s+0\s+−50\s+−100 %/);
  });

  it("answers only for the team asked about", async () => {
    const r = await run(["gaps", "--team", "T0OTHER", "--period", PERIOD]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no S&OP configuration");
  });
});

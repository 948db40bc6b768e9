/** `sop plan submit` and `sop status`: the same engine and checks as Slack, JSON out, line-numbered errors. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.ts";
import { sop as run } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { configureTeam, dbState, planCsv } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "sop-plan-"));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The CLI disconnects when done; the test reconnects to look at the database. */
async function inDatabase<T>(work: () => Promise<T>): Promise<T> {
  await connectDatabase(process.env.MONGODB_URI!);
  try {
    return await work();
  } finally {
    await disconnectDatabase();
  }
}

describe("sop plan submit / sop status", () => {
  beforeAll(async () => {
    process.env.MONGODB_URI = await connectTestDatabase("cyclecli");
    await configureTeam();
    await startCycle({
      teamId: "T0SIM",
      period: "2027-01",
      by: "U0LEAD",
      at: new Date("2027-01-02T08:00:00Z"),
    });
    await disconnectDatabase();
  });
  afterAll(async () => {
    await connectDatabase(process.env.MONGODB_URI!);
    delete process.env.MONGODB_URI;
    await dropTestDatabase();
  });

  it("stores a version from a file and prints its summary", async () => {
    const r = await run([
      "plan",
      "submit",
      "2027-01",
      "data",
      file("data.csv", planCsv({ families: 3 })),
      "--team",
      "T0SIM",
      "--user",
      "U0ANALYST",
      "--comment",
      "nightly feed",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      team: "T0SIM",
      period: "2027-01",
      phase: "data",
      version: 1,
      status: "submitted",
      rows: 54,
      families: 3,
      periodFrom: "2027-01",
      periodTo: "2028-06",
    });
  });

  it("refuses a phase that does not take submissions now, exit 1, nothing stored", async () => {
    const before = await inDatabase(() => dbState());
    const r = await run([
      "plan",
      "submit",
      "2027-01",
      "demand",
      file("bad.csv", "family,period,quantity\nA,2027-01,1\nA,2027-01,2\nB,2031-01,1\n"),
      "--team",
      "T0SIM",
      "--user",
      "U0DP",
    ]);
    expect(r.code).toBe(1);
    // The state check comes first: demand is not open yet.
    expect(r.stderr).toContain("Demand review is not open yet");
    const bad = await run([
      "plan",
      "submit",
      "2027-01",
      "data",
      file("bad2.csv", "family,period,quantity\nA,2027-01,1\nA,2027-01,2\nB,2031-01,1\n"),
      "--team",
      "T0SIM",
      "--user",
      "U0ANALYST",
    ]);
    expect(bad.code).toBe(1);
    // data v1 is waiting for sign-off: a CLI resubmission is refused the same way as in Slack.
    expect(bad.stderr).toContain("waiting for sign-off");
    expect(await inDatabase(() => dbState())).toEqual(before);
  });

  it("line-numbered CSV errors and authorization, as in Slack", async () => {
    await run(["config", "import", "examples/team.json"]);
    await inDatabase(() =>
      startCycle({ teamId: "T0SIM", period: "2027-02", by: "U0LEAD", at: new Date("2027-01-20T08:00:00Z") }),
    );
    const before = await inDatabase(() => dbState());
    const notOwner = await run([
      "plan",
      "submit",
      "2027-02",
      "data",
      file("ok.csv", planCsv({ families: 1, start: "2027-02" })),
      "--team",
      "T0SIM",
      "--user",
      "U0DP",
    ]);
    expect(notOwner.code).toBe(1);
    expect(notOwner.stderr).toContain(
      "Only the owners of Data gathering & statistical forecast (@U0ANALYST)",
    );
    const path = file(
      "bad3.csv",
      "\uFEFFfamily,period,quantity\r\nA,2027-02,1\r\nA,2027-02,2\r\nB,2031-01,1\r\n",
    );
    const bad = await run([
      "plan",
      "submit",
      "2027-02",
      "data",
      path,
      "--team",
      "T0SIM",
      "--user",
      "U0ANALYST",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${path}: line 3: duplicate of line 2 (A, 2027-02)`);
    expect(bad.stderr).toContain(
      `${path}: line 4: period 2031-01 is outside this cycle's horizon 2027-02 … 2028-07`,
    );
    expect(await inDatabase(() => dbState())).toEqual(before);
    const usage = await run(["plan", "submit", "2027-02", "data"]);
    expect(usage.code).toBe(2);
  });

  it("sop status prints the cycle as JSON; an unknown period exits 1", async () => {
    const r = await run(["status", "2027-01", "--team", "T0SIM"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.phases).toHaveLength(7);
    expect(report.phases[0]).toMatchObject({
      id: "data",
      status: "submitted",
      version: 1,
      owners: ["U0ANALYST"],
      approvers: ["U0LEAD"],
    });
    expect(report.blocking).toMatchObject({ phase: "data", waitingOn: "approvers", people: ["U0LEAD"] });
    const none = await run(["status", "2030-01", "--team", "T0SIM"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no S&OP cycle for 2030-01");
    // What to do, in terminal terms: no slash command as if it could be typed here.
    expect(none.stderr).toContain("Cycles are started in Slack: an admin runs /sop start 2030-01 there.");
    const unconfigured = await run(["status", "2027-01", "--team", "T0NONE"]);
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toContain(
      "no S&OP configuration yet. Store one with `sop config import FILE.json`",
    );
    expect(unconfigured.stderr).not.toContain("/sop setup");
  });
});

/**
 * Importing actuals into the database: natural-key upsert (re-import never double counts), corrected
 * files replace rows, the bad-input corpus leaves the database unchanged, and `sop import` prints exactly
 * `{"kind","rows","inserted","updated"}`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { UserError } from "../../src/errors.ts";
import { actualsRows } from "../../src/store/actuals/index.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { sop, tempFile } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { BAD_CASES, ORDERS_HEADER } from "./bad-cases.ts";
import { actualsState } from "./db-state.ts";

const TEAM = "T0IMP";

beforeAll(async () => {
  process.env.MONGODB_URI = await connectTestDatabase("actimport");
});
afterAll(async () => {
  await dropTestDatabase();
});

const orders = (lines: string[]) => [ORDERS_HEADER, ...lines].join("\n");

const ALL = { from: "0000-01-01", to: "9999-12-31" };
const storedOrders = (team: string) => actualsRows(team, "orders", ALL);
const quantities = async (team: string) =>
  new Map((await storedOrders(team)).map((o) => [o.orderId, o.quantity]));

describe("natural-key upsert", () => {
  it("inserts, then re-imports without double counting, then replaces corrected rows", async () => {
    const first = orders([
      "O1,Grinders,2026-01-02,2026-01-09,,1",
      "O2,Grinders,2026-01-02,2026-01-09,2026-01-08,2",
      "O|3,Grinders,2026-01-02,2026-01-09,,3",
    ]);
    expect(await importActuals({ teamId: TEAM, kind: "orders", source: first })).toEqual({
      kind: "orders",
      rows: 3,
      inserted: 3,
      updated: 0,
    });
    expect(await importActuals({ teamId: TEAM, kind: "orders", source: first })).toEqual({
      kind: "orders",
      rows: 3,
      inserted: 0,
      updated: 3,
    });
    // O1 delivered now, O2 unchanged, O4 new.
    const corrected = orders([
      "O1,Grinders,2026-01-02,2026-01-09,2026-01-10,1",
      "O2,Grinders,2026-01-02,2026-01-09,2026-01-08,2",
      "O4,Grinders,2026-01-05,2026-01-09,,4",
    ]);
    expect(await importActuals({ teamId: TEAM, kind: "orders", source: corrected })).toEqual({
      kind: "orders",
      rows: 3,
      inserted: 1,
      updated: 2,
    });
    const docs = await storedOrders(TEAM);
    expect(docs.map((d) => [d.orderId, d.deliveredDate, d.quantity])).toEqual([
      ["O1", "2026-01-10", 1],
      ["O2", "2026-01-08", 2],
      ["O4", null, 4],
      ["O|3", null, 3],
    ]);
  });

  it("keeps teams apart: the same order id in another team is another row", async () => {
    const r = await importActuals({
      teamId: "T0OTHER",
      kind: "orders",
      source: orders(["O1,Grinders,2026-01-02,2026-01-09,,99"]),
    });
    expect(r).toMatchObject({ inserted: 1, updated: 0 });
    expect((await quantities(TEAM)).get("O1")).toBe(1);
  });

  it("replaces many changed rows of a large file and skips unchanged ones", async () => {
    const team = "T0BULK";
    const make = (n: number, qty: (i: number) => number) =>
      orders(
        Array.from(
          { length: n },
          (_, i) => `B${String(i).padStart(5, "0")},Grinders,2026-01-02,2026-01-09,,${qty(i)}`,
        ),
      );
    expect(await importActuals({ teamId: team, kind: "orders", source: make(1500, () => 1) })).toMatchObject({
      inserted: 1500,
    });
    // Rows 0–999 change (one range), every 7th of the rest changes (singles), 1500–1599 are new.
    const next = make(1600, (i) => (i < 1000 || (i >= 1000 && i < 1500 && i % 7 === 0) ? 2 : 1));
    expect(await importActuals({ teamId: team, kind: "orders", source: next })).toEqual({
      kind: "orders",
      rows: 1600,
      inserted: 100,
      updated: 1500,
    });
    const byId = await quantities(team);
    expect(byId.size).toBe(1600);
    for (let i = 0; i < 1600; i++) {
      const want = i < 1000 || (i < 1500 && i % 7 === 0) ? 2 : 1;
      expect(byId.get(`B${String(i).padStart(5, "0")}`), `row ${i}`).toBe(want);
    }
    // Other teams' rows are untouched.
    expect(await storedOrders(TEAM)).toHaveLength(4);
  });

  it("merges a large import into existing rows and replaces only the keys that changed", async () => {
    const team = "T0OPT";
    const row = (i: number, qty: number) =>
      `P${String(i).padStart(5, "0")},Grinders,2026-01-02,2026-01-09,,${qty}`;
    // Odd rows exist already (1,250 of them).
    const odd = Array.from({ length: 1250 }, (_, k) => row(2 * k + 1, 1));
    expect(await importActuals({ teamId: team, kind: "orders", source: orders(odd) })).toMatchObject({
      inserted: 1250,
    });
    // Odd rows below 1000 change; the rest of the odd rows are equal.
    const all = Array.from({ length: 2500 }, (_, i) => row(i, i % 2 === 1 && i < 1000 ? 5 : 1));
    expect(await importActuals({ teamId: team, kind: "orders", source: orders(all) })).toEqual({
      kind: "orders",
      rows: 2500,
      inserted: 1250,
      updated: 1250,
    });
    const byId = await quantities(team);
    expect(byId.size).toBe(2500);
    for (let i = 0; i < 2500; i++)
      expect(byId.get(`P${String(i).padStart(5, "0")}`), `row ${i}`).toBe(i % 2 === 1 && i < 1000 ? 5 : 1);
    // A few existing keys among many new ones.
    const few = Array.from(
      { length: 1200 },
      (_, i) => `Q${String(i).padStart(5, "0")},Grinders,2026-01-02,2026-01-09,,1`,
    );
    await importActuals({ teamId: team, kind: "orders", source: orders(few.slice(1, 4)) });
    few[1] = few[1]!.replace(/,1$/, ",7");
    expect(await importActuals({ teamId: team, kind: "orders", source: orders(few) })).toMatchObject({
      inserted: 1197,
      updated: 3,
    });
    const after = await quantities(team);
    expect(after.get("Q00001")).toBe(7);
    expect(after.size).toBe(3700);
  });
});

describe("bad input changes nothing", () => {
  it.each(BAD_CASES)("$name: line-numbered error, database unchanged", async (c) => {
    const before = await actualsState();
    const err = await importActuals({
      teamId: TEAM,
      kind: c.kind,
      source: c.csv,
      families: c.families,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const details = (err as UserError).details;
    for (const e of c.expect)
      expect(
        details.some((d) => d.startsWith(e)),
        `${e} in ${details.join("\n")}`,
      ).toBe(true);
    expect(await actualsState()).toEqual(before);
  });

  it("rejects a file whose last row is bad after thousands of good ones, writing nothing", async () => {
    const before = await actualsState();
    const lines = Array.from({ length: 3000 }, (_, i) => `N${i},Grinders,2026-01-02,2026-01-09,,1`);
    lines.push("N9999,Grinders,2026-01-02,2026-01-09,2026-01-01,1");
    const err = await importActuals({ teamId: TEAM, kind: "orders", source: orders(lines) }).catch((e) => e);
    expect((err as UserError).details).toEqual([
      "line 3002: delivered_date 2026-01-01 is before order_date 2026-01-02",
    ]);
    expect(await actualsState()).toEqual(before);
  });
});

describe("sop import", () => {
  it("prints exactly {kind, rows, inserted, updated}", async () => {
    const file = tempFile(
      "demand.csv",
      "\uFEFFperiod,family,forecast_qty,actual_qty\r\n2026-W53,Grinders,10.5,9\r\n2026-01,Grinders,3,0\r\n",
    );
    const r = await sop(["import", "demand", file, "--team", "T0CLI"]);
    expect(r).toEqual({
      code: 0,
      stdout: '{"kind":"demand","rows":2,"inserted":2,"updated":0}\n',
      stderr: "",
    });
    const again = await sop(["import", "demand", file, "--team", "T0CLI"]);
    expect(again.stdout).toBe('{"kind":"demand","rows":2,"inserted":0,"updated":2}\n');
  });

  it("exits 1 with line-numbered problems on stderr and writes nothing", async () => {
    const before = await actualsState();
    const file = tempFile(
      "production.csv",
      "period,family,planned_qty,actual_qty,capacity_qty\n2026-13,G,1,1,1\n2026-01,G,-1,1,1\n",
    );
    const r = await sop(["import", "production", file, "--team", "T0CLI"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `${file}: production.csv: 2 problems found; nothing was imported.\n` +
        '  line 2: period "2026-13" is not a month (01-12)\n' +
        '  line 3: planned_qty "-1" must not be negative\n',
    );
    expect(await actualsState()).toEqual(before);
  });

  it("checks families against the team's list when it has one", async () => {
    await saveTeamConfig(
      {
        team: "T0FAM",
        admins: ["U0LEAD"],
        channels: { sop: "C0SOP", exec: "C0EXEC" },
        families: ["Grinders"],
        phases: [{ id: "data", name: "Data", owners: ["U0A"], approvers: ["U0LEAD"], dueDay: 3 }],
      },
      "test",
      new Date(),
    );
    const file = tempFile(
      "inventory.csv",
      "date,family,on_hand_qty\n2026-01-05,Grinders,1\n2026-01-05,Kettles,1\n",
    );
    const r = await sop(["import", "inventory", file, "--team", "T0FAM"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`line 3: family "Kettles" is not in the team's family list`);
  });

  it("explains usage mistakes", async () => {
    expect((await sop(["import", "sales", "x.csv", "--team", "T0CLI"])).stderr).toContain(
      'unknown kind "sales" (one of orders, demand, production, inventory)',
    );
    expect((await sop(["import", "orders", "x.csv"])).stderr).toContain("--team is required");
    expect((await sop(["import", "orders", "x.csv", "--team", "acme"])).stderr).toContain(
      "is not a Slack team id",
    );
    const missing = await sop(["import", "orders", "/nonexistent/orders.csv", "--team", "T0CLI"]);
    expect(missing).toMatchObject({ code: 1, stderr: "/nonexistent/orders.csv: cannot read (ENOENT)\n" });
  });
});

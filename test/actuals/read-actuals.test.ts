/**
 * Reading and checking actuals files without a database: the bad-input corpus (bad-cases.ts) with line
 * numbers, and what well-formed but unusual files (BOM, CRLF, quotes, decimals, W53) turn into.
 */
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "../../src/actuals/csv-records.ts";
import { checkActuals } from "../../src/actuals/import-actuals.ts";
import { formatProblems, readActuals } from "../../src/actuals/read-actuals.ts";
import { UserError } from "../../src/errors.ts";
import { BAD_CASES, ORDERS_HEADER } from "./bad-cases.ts";

describe("reading actuals files", () => {
  it.each(BAD_CASES)("rejects $name with the line number", async (c) => {
    const outcome = await readActuals(c.kind, c.csv, { families: c.families });
    const lines = formatProblems(outcome);
    for (const e of c.expect)
      expect(
        lines.some((l) => l.startsWith(e)),
        `${e}\n in ${lines.join("\n")}`,
      ).toBe(true);
    expect(outcome.problemCount).toBe(c.expect.length);
  });

  it("reads a file with a BOM, CRLF line endings, quoted fields, decimals and blank lines", async () => {
    const csv =
      '\uFEFFOrder_ID , Family,order_date,promised_date,delivered_date,quantity\r\n"O-1","Grinders, burr",2026-01-02,2026-01-09,,"2.50"\r\n\r\nO-2,Espresso machines,2026-01-03,2026-01-09,2026-01-09,.5\r\n,,,,,\r\n';
    const outcome = await readActuals("orders", csv);
    expect(outcome.problems).toEqual([]);
    expect(outcome.rows).toEqual([
      {
        orderId: "O-1",
        family: "Grinders, burr",
        orderDate: "2026-01-02",
        promisedDate: "2026-01-09",
        deliveredDate: null,
        quantity: 2.5,
      },
      {
        orderId: "O-2",
        family: "Espresso machines",
        orderDate: "2026-01-03",
        promisedDate: "2026-01-09",
        deliveredDate: "2026-01-09",
        quantity: 0.5,
      },
    ]);
  });

  it("accepts week 53, leap days and zero quantities", async () => {
    const demand = await readActuals(
      "demand",
      "period,family,forecast_qty,actual_qty\n2026-W53,G,3,0\n2020-W53,G,1,1\n",
    );
    expect(demand.problems).toEqual([]);
    expect(demand.rows).toMatchObject([{ period: "2026-W53", start: "2026-12-28" }, { start: "2020-12-28" }]);
    const inv = await readActuals("inventory", "date,family,on_hand_qty\n2028-02-29,G,0\n");
    expect(inv.problems).toEqual([]);
  });

  it("reports every problem of every row, the first 50 listed and then a count", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `2026-01,F${i},-1,x`);
    const outcome = await readActuals(
      "demand",
      ["period,family,forecast_qty,actual_qty", ...rows].join("\n"),
    );
    expect(outcome.problemCount).toBe(120);
    const lines = formatProblems(outcome);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('line 2: forecast_qty "-1" must not be negative');
    expect(lines[1]).toBe('line 2: actual_qty "x" is not a number');
    expect(lines[49]).toBe('line 26: actual_qty "x" is not a number');
    expect(lines[50]).toBe("…and 70 more problems");
  });

  it("throws a UserError naming the file and the count", async () => {
    const err = await checkActuals("orders", `${ORDERS_HEADER}\nO1,G,2026-01-02,2026-01-09,,-1\n`).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe("orders.csv: 1 problem found; nothing was imported.");
    expect(err.details).toEqual(['line 2: quantity "-1" must not be negative']);
  });

  it("counts lines as an editor does around quoted line breaks", async () => {
    const records = [];
    for await (const r of readCsvRecords('a,b\r\n1,"x\r\ny"\r\n\r\n2,"p\nq\nr"\r\n3,z')) records.push(r.line);
    expect(records).toEqual([1, 2, 5, 8]);
  });
});

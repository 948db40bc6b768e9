/**
 * The bad-CSV corpus through the real modal: each defect in a paste comes back under the input with its
 * line number (header = line 1), each defect in an uploaded file (checked after the ack) in the result
 * sent to the submitter, and nothing is stored. Also the paste/upload rules and a huge all-bad file.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { CYCLE_VIEWS, encodeSubmitMeta, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import {
  approveDataPhase,
  as,
  configureTeam,
  dbState,
  fileValues,
  modalErrors,
  pasteValues,
  planCsv,
  TEAM,
  textOf,
} from "./helpers.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));
const DP = as("U0DP");
const FAMILIES = ["FAM-0000", "FAM-0001", "FAM-0002"];

const corpus: { defect: string; csv: string; says: string[]; upload?: boolean }[] = [
  { defect: "empty file (uploaded)", csv: "", says: ["the file is empty"], upload: true },
  { defect: "blank lines only (uploaded)", csv: "\r\n  \r\n", says: ["the file is empty"], upload: true },
  { defect: "header only", csv: "family,period,quantity\n", says: ["header but no plan lines"] },
  { defect: "missing column", csv: "family,quantity\nFAM-0000,5\n", says: ["line 1: missing column period"] },
  {
    defect: "unknown family",
    csv: "family,period,quantity\nFAM-0000,2027-01,1\nFAM-9999,2027-01,1\n",
    says: ['line 3: unknown family "FAM-9999"'],
  },
  { defect: "empty family", csv: "family,period,quantity\n,2027-01,1\n", says: ["line 2: family is empty"] },
  {
    defect: "bad period",
    csv: "family,period,quantity\nFAM-0000,01/2027,1\n",
    says: ['line 2: period "01/2027"'],
  },
  {
    defect: "outside the horizon",
    csv: "family,period,quantity\nFAM-0000,2028-07,1\n",
    says: ["line 2: period 2028-07 is outside this cycle's horizon 2027-01 … 2028-06"],
  },
  {
    defect: "negative quantity",
    csv: "family,period,quantity\nFAM-0000,2027-01,-4\n",
    says: ['line 2: quantity "-4" must not be negative'],
  },
  {
    defect: "non-numeric quantity",
    csv: "family,period,quantity\nFAM-0000,2027-01,ten\n",
    says: ['line 2: quantity "ten" is not a number'],
  },
  {
    defect: "duplicate family+period",
    csv: "family,period,quantity\nFAM-0000,2027-01,1\nFAM-0001,2027-01,1\nFAM-0000,2027-01,2\n",
    says: ["line 4: duplicate of line 2"],
  },
  {
    defect: "wrong number of fields",
    csv: "family,period,quantity\nFAM-0000,2027-01\n",
    says: ["line 2: expected 3 fields"],
  },
  {
    defect: "CRLF, BOM and blank lines keep the file's line numbers",
    csv: "\uFEFFfamily,period,quantity\r\n\r\nFAM-0000,2027-01,1\r\n\r\nFAM-0001,2027-01,x\r\n",
    says: ['line 5: quantity "x"'],
  },
  {
    defect: "capacity outside the supply plan",
    csv: "family,period,quantity,capacity\nFAM-0000,2027-01,1,2\n",
    says: ["line 1: column capacity is only accepted in the supply plan"],
  },
  {
    defect: "several bad lines, all listed",
    csv: "family,period,quantity\nFAM-0000,2027-01,-1\nFAM-0001,2027-01,1\nFAM-0002,2027-13,1\n,2027-02,1\n",
    says: ["line 2:", "line 4:", "line 5:"],
  },
];

describe("bad CSV corpus through the submit modal", () => {
  const h = useHarness("cycle-badcsv", { clock });
  const meta = encodeSubmitMeta({ period: "2027-01", phase: "demand", version: 0 });

  beforeAll(async () => {
    await configureTeam({ families: FAMILIES });
    await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: clock.now() });
    await approveDataPhase(planCsv({ families: 3 }), clock.now());
  });

  async function submit(values: Record<string, Record<string, Record<string, unknown>>>) {
    const { http } = await h().driver.submitView(
      DP,
      { callback_id: CYCLE_VIEWS.submitPlan, private_metadata: meta },
      values as never,
    );
    expect(http.status).toBe(200);
    await h().settle();
    return modalErrors(http.json);
  }

  /** Submits an upload: the modal turns into a progress view; returns what the submitter is then sent. */
  async function uploadOutcome(values: Record<string, Record<string, Record<string, unknown>>>) {
    const dms = h().standIn.messagesIn("DU0DP").length;
    const { http } = await h().driver.submitView(
      DP,
      { callback_id: CYCLE_VIEWS.submitPlan, private_metadata: meta },
      values as never,
    );
    expect(http.json?.response_action).toBe("update");
    await h().settle();
    const sent = h().standIn.messagesIn("DU0DP").slice(dms);
    expect(sent).toHaveLength(1);
    return textOf(sent[0]!.blocks);
  }

  it.each(corpus)(
    "$defect → rejected with its line number, nothing stored",
    async ({ csv, says, upload }) => {
      const before = await dbState();
      let values = pasteValues(csv);
      if (upload) {
        h().standIn.files.set("F0CORPUS", {
          id: "F0CORPUS",
          filename: "plan.csv",
          bytes: Buffer.from(csv),
          shared: false,
        });
        values = fileValues("F0CORPUS");
      }
      if (upload) {
        const told = await uploadOutcome(values);
        for (const s of says) expect(told).toContain(s);
      } else {
        const errors = await submit(values);
        expect(Object.keys(errors)).toEqual([SUBMIT_INPUTS.csv.block]);
        for (const s of says) expect(errors[SUBMIT_INPUTS.csv.block]).toContain(s);
      }
      expect(await dbState()).toEqual(before);
    },
  );

  it("an uploaded file's problems are sent to the submitter; a non-UTF-8 or missing file is named", async () => {
    const before = await dbState();
    h().standIn.files.set("F0BAD", {
      id: "F0BAD",
      filename: "bad.csv",
      bytes: Buffer.from("family,period,quantity\nFAM-0000,2027-01,-1\n"),
      shared: false,
    });
    expect(await uploadOutcome(fileValues("F0BAD"))).toContain('line 2: quantity \\"-1\\"');
    h().standIn.files.set("F0LATIN", {
      id: "F0LATIN",
      filename: "latin1.csv",
      bytes: Buffer.from([0x66, 0x61, 0x6d, 0xe9, 0x0a]),
      shared: false,
    });
    expect(await uploadOutcome(fileValues("F0LATIN"))).toContain("not UTF-8");
    expect(await uploadOutcome(fileValues("F0MISSING"))).toContain("cannot be read (file_not_found)");
    expect(await dbState()).toEqual(before);
  });

  it("both a paste and a file, or neither, is refused", async () => {
    h().standIn.files.set("F0OK", {
      id: "F0OK",
      filename: "ok.csv",
      bytes: Buffer.from(planCsv({ families: 1 })),
      shared: false,
    });
    const both = pasteValues(planCsv({ families: 1 }));
    both[SUBMIT_INPUTS.file.block] = fileValues("F0OK")[SUBMIT_INPUTS.file.block]!;
    expect((await submit(both))[SUBMIT_INPUTS.file.block]).toContain("not both");
    expect((await submit(pasteValues("")))[SUBMIT_INPUTS.csv.block]).toContain("Paste the plan");
  });

  it("a paste with many bad lines: the modal shows the first ones, the full list arrives by DM", async () => {
    const lines = ["family,period,quantity"];
    for (let i = 0; i < 130; i++) lines.push(`FAM-000${i % 3},2027-01,-${i + 1}`);
    const before = await dbState();
    const error = (await submit(pasteValues(lines.join("\n"))))[SUBMIT_INPUTS.csv.block]!;
    expect(error.length).toBeLessThanOrEqual(2000);
    expect(error).toContain("line 2:");
    expect(error).toMatch(/and \d+ more \(the full list is in your DMs\)/);
    const dm = h().standIn.messagesIn("DU0DP").at(-1)!;
    expect(textOf(dm.blocks)).toContain("Every problem");
    expect(textOf(dm.blocks)).toContain("line 131:");
    expect(await dbState()).toEqual(before);
  });

  it("an uploaded file with thousands of bad lines: the DM lists what fits in one message", async () => {
    const lines = ["family,period,quantity"];
    for (let i = 0; i < 3000; i++) lines.push(`FAM-000${i % 3},2027-01,-${i}`);
    h().standIn.files.set("F0HUGE", {
      id: "F0HUGE",
      filename: "huge.csv",
      bytes: Buffer.from(lines.join("\n")),
      shared: false,
    });
    const before = await dbState();
    const told = await uploadOutcome(fileValues("F0HUGE"));
    expect(told).toContain("Every problem");
    expect(told).toMatch(/…and \d+ more problems/);
    expect(h().standIn.messagesIn("DU0DP").at(-1)!.blocks!.length).toBeLessThanOrEqual(50);
    expect(await dbState()).toEqual(before);
  });

  it("an Excel upload gets the same checks, with cell-numbered problems; a good one is stored", async () => {
    const xlsx = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Demand plan");
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const file = (id: string, bytes: Buffer) => {
      h().standIn.files.set(id, { id, filename: "plan.xlsx", bytes, shared: false });
      const values = fileValues(id);
      (values[SUBMIT_INPUTS.file.block]![SUBMIT_INPUTS.file.action] as { files: unknown[] }).files = [
        { id, name: "plan.xlsx" },
      ];
      return values;
    };
    const before = await dbState();
    const bad = await xlsx([
      ["family", "period", "quantity"],
      ["FAM-0000", "2027-01", 5],
      ["FAM-0001", "2027-01", "lots"],
      ["FAM-0009", "2027-02", 5],
    ]);
    const told = await uploadOutcome(file("F0XLSXBAD", bad));
    expect(told).toContain('cell C3: quantity \\"lots\\" is not a number');
    expect(told).toContain('cell A4: unknown family \\"FAM-0009\\"');
    expect(await dbState()).toEqual(before);
    const good = await xlsx([
      ["family", "period", "quantity"],
      ...FAMILIES.flatMap((f) => ["2027-01", "2027-02"].map((p) => [f, p, 10])),
    ]);
    const stored = await uploadOutcome(file("F0XLSXOK", good));
    expect(stored).toContain("Stored *v1* of *Demand review*");
    const after = await dbState();
    expect(after.plans.map((p) => p._id)).toContain(`${TEAM}|2027-01|demand|v1`);
  });
});

/**
 * A plan uploaded as an Excel workbook (.xlsx): the first sheet, read with exceljs into the same
 * records a CSV gives, then the same checks (plan-checks.ts) — problems name the row, or the cell
 * (`cell C7`), as Excel shows them. Cells are read as a person typed them: numbers as numbers, a date
 * in the period column as its month (Excel turns a typed "2027-01" into 1 Jan 2027), formulas by their
 * result.
 */
import ExcelJS from "exceljs";
import {
  MAX_PLAN_LINES,
  type PlanParseResult,
  type PlanRecord,
  type PlanRules,
  validatePlanRecords,
} from "./plan-checks.ts";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(bytes: Uint8Array, fileName?: string | null): boolean {
  if (fileName && /\.xlsx$/i.test(fileName)) return true;
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(12).replace(/\.?0+$/, "") : s;
}

function dateText(d: Date, asMonth: boolean): string {
  const iso = d.toISOString();
  return asMonth ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** A cell's value as the text a CSV would carry for it. */
export function cellText(value: ExcelJS.CellValue, asMonth = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value, asMonth);
  if (typeof value === "object") {
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, asMonth);
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("error" in value) return String(value.error);
  }
  return String(value).trim();
}

export async function parsePlanXlsx(bytes: Uint8Array, rules: PlanRules): Promise<PlanParseResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          message:
            "the file is not an Excel workbook (.xlsx); save it as .xlsx or as CSV UTF-8 and upload it again",
        },
      ],
    };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, problems: [{ line: 0, message: "the workbook has no sheet" }] };
  if (ws.rowCount > MAX_PLAN_LINES + 1)
    return {
      ok: false,
      problems: [
        {
          line: 0,
          message: `sheet "${ws.name}" has ${ws.rowCount - 1} rows; at most ${MAX_PLAN_LINES} plan lines are accepted`,
        },
      ],
    };
  const records: PlanRecord[] = [];
  let periodColumn = -1;
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const last = row.actualCellCount === 0 ? 0 : row.cellCount;
    const n = Math.max(width, last);
    const record: string[] = [];
    for (let c = 1; c <= n; c++) record.push(cellText(row.getCell(c).value, c - 1 === periodColumn));
    while (record.length > width && width > 0 && record.at(-1) === "") record.pop();
    if (!record.some((f) => f !== "")) return;
    if (records.length === 0) {
      width = record.length;
      periodColumn = record.findIndex((h) => h.toLowerCase() === "period");
    }
    records.push({ record, line });
  });
  if (records.length === 0)
    return { ok: false, problems: [{ line: 0, message: `sheet "${ws.name}" is empty` }] };
  return validatePlanRecords(records, rules, { sheet: ws.name });
}

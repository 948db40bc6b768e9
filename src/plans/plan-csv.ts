/**
 * Plan CSV: `family,period,quantity[,revenue][,capacity]`. Parsed with csv-parse (BOM, CRLF, quoted
 * fields) into records with the line each starts on, then checked whole by plan-checks.ts.
 */
import { CsvError, type Options, parse } from "csv-parse/sync";
import {
  type PlanParseResult,
  type PlanProblem,
  type PlanRecord,
  type PlanRules,
  validatePlanRecords,
} from "./plan-checks.ts";

export {
  expectedHeader,
  formatProblem,
  MAX_PLAN_LINES,
  type ParsedPlan,
  type PlanParseResult,
  type PlanProblem,
  type PlanRules,
  planRulesFor,
} from "./plan-checks.ts";

/** Decodes uploaded bytes as UTF-8; anything else (e.g. a Latin-1 Excel export) is refused by name. */
export function decodeCsvBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: string } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: "the file is not UTF-8 text; save it as “CSV UTF-8” and upload it again",
    };
  }
}

/**
 * Where each record starts, as the line an editor shows: line breaks (CRLF, LF or CR) before the record's
 * end offset, minus the ones inside its quoted fields. Records arrive in order, so one pass over the bytes.
 */
function lineCounter(bytes: Buffer): (record: string[], endOffset: number) => number {
  let cursor = 0;
  let line = 1;
  return (record, endOffset) => {
    let end = endOffset;
    // Stop before the record's own line break.
    if (bytes[end - 1] === 10) end -= 1;
    if (bytes[end - 1] === 13) end -= 1;
    for (; cursor < end; cursor++) {
      const c = bytes[cursor];
      if (c === 10 || (c === 13 && bytes[cursor + 1] !== 10)) line += 1;
    }
    let inside = 0;
    for (const f of record) {
      if (f.includes("\n") || f.includes("\r")) inside += f.match(/\r\n|\r|\n/g)!.length;
    }
    return line - inside;
  };
}

type Rec = PlanRecord;

const CSV_OPTIONS: Options = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
  // Any line ending, even mixed in one file (csv-parse otherwise keeps the first one it sees).
  record_delimiter: ["\r\n", "\n", "\r"],
};

/**
 * Records with the line each starts on. Without a quote character no record can span lines, so the
 * records are the non-blank lines in order and numbering them is a cheap split; with quotes, each
 * record's end offset (from csv-parse) is turned into a line by counting line breaks.
 */
function readRecords(text: string): { ok: true; records: Rec[] } | { ok: false; problem: PlanProblem } {
  try {
    if (!text.includes('"')) {
      const rows = parse(text, CSV_OPTIONS) as string[][];
      const lines: number[] = [];
      text.split(/\r\n|\n|\r/).forEach((l, i) => {
        if (l.trim() !== "") lines.push(i + 1);
      });
      if (lines.length === rows.length)
        return { ok: true, records: rows.map((record, i) => ({ record, line: lines[i]! })) };
    }
    // Byte offsets: csv-parse reports each record's end in UTF-8 bytes.
    const bytes = Buffer.from(text, "utf8");
    const lineOf = lineCounter(bytes);
    const records = parse(bytes, {
      ...CSV_OPTIONS,
      // Called once per record, in file order; cheaper than `info: true`, which copies a context per record.
      on_record: ((record: string[], ctx: { bytes: number }) => ({
        record,
        line: lineOf(record, ctx.bytes),
      })) as unknown as Options["on_record"],
    }) as unknown as Rec[];
    return { ok: true, records };
  } catch (err) {
    const line = err instanceof CsvError ? Number((err as unknown as { lines?: number }).lines ?? 0) : 0;
    return {
      ok: false,
      problem: {
        line,
        message: `the CSV cannot be read: ${(err as Error).message.replace(/^Invalid /, "invalid ")}`,
      },
    };
  }
}

export function parsePlanCsv(input: string, rules: PlanRules): PlanParseResult {
  if (input.replace(/^\uFEFF/, "").trim() === "") {
    return { ok: false, problems: [{ line: 0, message: "the file is empty" }] };
  }
  const text = input.replace(/^\uFEFF/, "");
  const parsed = readRecords(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const records = parsed.records;
  // Rows of only empty cells (",,," from a spreadsheet) are blank lines, not plan lines.
  const rows = records.filter((r) => r.record.some((f) => f !== ""));
  return validatePlanRecords(rows, rules);
}

/**
 * Reader for the M3 competition CSV layout:
 *   Series,N,NF,Category,Starting Year,Starting Month,1,2,…
 * one series per row, N observations (the last NF being the hold-out), right-padded with empty
 * cells. Line numbers are the file's own, the header being line 1.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

export interface M3Series {
  series: string;
  /** Number of observations. */
  n: number;
  /** Number of hold-out observations at the end. */
  nf: number;
  category: string;
  startYear: number | null;
  startPeriod: number | null;
  /** N values; an empty interior cell is a missing observation (NaN). */
  values: number[];
  /** Line of the file where the row starts (header = 1). */
  line: number;
}

export class M3FormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "M3FormatError";
  }
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const FIXED = ["series", "n", "nf", "category", "starting year"];
// Monthly files say "Starting Month", quarterly ones "Starting Quarter"; others a generic period.
const START_PERIOD = /^starting (month|quarter|period)$/;

function checkHeader(header: readonly string[]): void {
  const names = header.map((h) => h.trim().toLowerCase());
  for (let i = 0; i < FIXED.length; i++) {
    if (names[i] !== FIXED[i]) {
      throw new M3FormatError(
        `bad header: column ${i + 1} is "${header[i] ?? ""}", expected "Series,N,NF,Category,Starting Year,Starting Month,1,2,…"`,
        1,
      );
    }
  }
  if (!START_PERIOD.test(names[5] ?? "")) {
    throw new M3FormatError(`bad header: column 6 is "${header[5] ?? ""}", expected "Starting Month"`, 1);
  }
  for (let i = 6; i < names.length; i++) {
    if (names[i] !== String(i - 5)) {
      throw new M3FormatError(`bad header: column ${i + 1} is "${header[i]}", expected "${i - 5}"`, 1);
    }
  }
  if (names.length < 7) throw new M3FormatError("bad header: no value columns (1, 2, …)", 1);
}

function parseCount(cell: string | undefined, name: string, line: number): number {
  const s = (cell ?? "").trim();
  if (!/^\d+$/.test(s)) throw new M3FormatError(`${name} must be a non-negative integer, got "${s}"`, line);
  return Number(s);
}

function parseOptionalInt(cell: string | undefined, name: string, line: number): number | null {
  const s = (cell ?? "").trim();
  if (s === "") return null;
  if (!/^-?\d+$/.test(s)) throw new M3FormatError(`${name} must be an integer, got "${s}"`, line);
  return Number(s);
}

/** Parses M3-layout CSV text; throws {@link M3FormatError} naming the line on bad input. */
export function parseM3(text: string): M3Series[] {
  let records: { record: string[]; info: { lines: number } }[];
  let lastEnd = 0;
  try {
    // With `info: true` each record comes with its end line (the typings do not model this).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (rec, ctx) => {
        lastEnd = ctx.lines;
        return rec;
      },
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    // An unclosed quote is only noticed at the end of the file: name the line where it opened.
    const line = e.code === "CSV_QUOTE_NOT_CLOSED" ? lastEnd + 1 : (e.lines ?? lastEnd + 1);
    throw new M3FormatError(`malformed CSV: ${e.message}`, line);
  }
  if (records.length === 0) throw new M3FormatError("empty file: expected a header", 1);
  checkHeader(records[0]!.record);
  const width = records[0]!.record.length;
  const out: M3Series[] = [];
  let prevEnd = records[0]!.info.lines;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r]!;
    // A record starts on the line after the previous one ended (quoted cells may span lines).
    const line = prevEnd + 1;
    prevEnd = info.lines;
    if (record.every((c) => c.trim() === "")) continue;
    const series = (record[0] ?? "").trim();
    if (series === "") throw new M3FormatError("empty Series name", line);
    const n = parseCount(record[1], "N", line);
    const nf = parseCount(record[2], "NF", line);
    if (n < 1) throw new M3FormatError("N must be at least 1", line);
    if (nf >= n) throw new M3FormatError(`NF (${nf}) must be smaller than N (${n})`, line);
    const startYear = parseOptionalInt(record[4], "Starting Year", line);
    const startPeriod = parseOptionalInt(record[5], "Starting Month", line);
    const cells = record.slice(6);
    // Rows are right-padded with empty cells: the values are everything up to the last non-empty one.
    let last = cells.length - 1;
    while (last >= 0 && cells[last]!.trim() === "") last--;
    const present = last + 1;
    if (6 + present > width) {
      throw new M3FormatError(`${present} values but the header has only ${width - 6} value columns`, line);
    }
    if (present !== n) {
      throw new M3FormatError(`N is ${n} but the row has ${present} values`, line);
    }
    const values: number[] = [];
    for (let i = 0; i < present; i++) {
      const s = cells[i]!.trim();
      if (s === "") {
        values.push(Number.NaN); // a missing month; the forecaster imputes it
        continue;
      }
      // Plain decimal notation only: Number() alone would also take "0x1F" or "Infinity".
      const v = DECIMAL.test(s) ? Number(s) : Number.NaN;
      if (!Number.isFinite(v)) {
        throw new M3FormatError(`value ${i + 1} (column ${i + 7}) is not a number: "${s}"`, line);
      }
      values.push(v);
    }
    out.push({
      series,
      n,
      nf,
      category: String(record[3] ?? "").trim(),
      startYear,
      startPeriod,
      values,
      line,
    });
  }
  return out;
}

export async function readM3File(path: string): Promise<M3Series[]> {
  return parseM3(await readFile(path, "utf8"));
}

/**
 * Reads and checks a whole actuals file before anything is written: header, field counts, every value,
 * duplicate keys. Problems carry the file's own line numbers (header = line 1); the first
 * MAX_LISTED are kept, the rest only counted.
 */
import { type CsvSource, CsvSyntaxError, csvText, visitCsvRecords } from "./csv-records.ts";
import { type KeyIndex, KeysSeen, LineOfKey } from "./duplicate-keys.ts";
import { type ActualsKind, KIND_SPECS } from "./kinds.ts";

export const MAX_LISTED = 50;

export interface LineProblem {
  line: number;
  message: string;
}

export interface ReadOutcome<Row> {
  kind: ActualsKind;
  rows: Row[];
  /** The first MAX_LISTED problems, in line order. */
  problems: LineProblem[];
  problemCount: number;
}

export interface ReadOptions {
  /** The team's family list, when it has one: rows must name one of them. */
  families?: readonly string[];
}

class ProblemList {
  readonly listed: LineProblem[] = [];
  count = 0;
  add(line: number, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push({ line, message });
  }
}

function checkHeader(
  columns: readonly string[],
  header: string[],
  problems: ProblemList,
): Map<string, number> {
  const index = new Map<string, number>();
  const names = header.map((h) => h.trim().toLowerCase());
  if (!names.some((n) => columns.includes(n))) {
    problems.add(1, `the first line must be the header ${columns.join(",")}`);
    return index;
  }
  names.forEach((n, i) => {
    if (n === "") problems.add(1, `column ${i + 1} has no name (expected ${columns.join(",")})`);
    else if (!columns.includes(n))
      problems.add(1, `unknown column ${JSON.stringify(n)} (expected ${columns.join(",")})`);
    else if (index.has(n)) problems.add(1, `column ${JSON.stringify(n)} appears twice`);
    else index.set(n, i);
  });
  for (const c of columns) if (!index.has(c) && !names.includes(c)) problems.add(1, `missing column ${c}`);
  return index;
}

/** Parses and checks every row of an actuals file of `kind`. */
export async function readActuals<Row>(
  kind: ActualsKind,
  source: CsvSource,
  opts: ReadOptions = {},
): Promise<ReadOutcome<Row>> {
  const text = await csvText(source);
  if (KIND_SPECS[kind].key.length === 1) {
    const seen = new KeysSeen();
    const outcome = await readText<Row>(kind, text, opts, seen);
    if (!seen.hasDuplicates()) return outcome;
  }
  return readText<Row>(kind, text, opts, new LineOfKey());
}

async function readText<Row>(
  kind: ActualsKind,
  text: string,
  opts: ReadOptions,
  seen: KeyIndex,
): Promise<ReadOutcome<Row>> {
  const spec = KIND_SPECS[kind];
  const problems = new ProblemList();
  const families = opts.families ? new Set(opts.families) : undefined;
  const rows: Row[] = [];
  const [keyOf, subKeyOf = () => ""] = spec.key;
  /** For each of the spec's columns, its position in the file (the header may order them differently). */
  let positions: number[] = [];
  let inSpecOrder = true;
  let headerWidth = 0;
  let sawHeader = false;
  let dataRows = 0;
  let currentLine = 0;
  // One reusable input object for every row (no per-row closures).
  const ordered: string[] = new Array(spec.columns.length);
  const rowInput = {
    values: ordered as readonly string[],
    problem: (message: string) => problems.add(currentLine, message),
    families,
  };
  try {
    await visitCsvRecords(text, (line, fields) => {
      if (!sawHeader) {
        sawHeader = true;
        headerWidth = fields.length;
        const index = checkHeader(spec.columns, fields, problems);
        // Without a usable header the rows cannot be read meaningfully; report the header alone.
        if (problems.count > 0) return false;
        positions = spec.columns.map((c) => index.get(c)!);
        inSpecOrder = headerWidth === spec.columns.length && positions.every((p, i) => p === i);
        return;
      }
      // Spreadsheet exports end with ",,,," rows (a row whose first value is not blank is not one).
      if (fields[0]!.trim() === "" && fields.every((f) => f.trim() === "")) return;
      dataRows++;
      if (fields.length !== headerWidth) {
        const missing = spec.columns.filter((_, i) => positions[i]! >= fields.length);
        problems.add(
          line,
          fields.length > headerWidth
            ? `${fields.length} values, but the header has ${headerWidth} columns (an unquoted comma?)`
            : `${fields.length} values, but the header has ${headerWidth} columns (no value for ${missing.join(", ")})`,
        );
        return;
      }
      if (inSpecOrder) rowInput.values = fields;
      else {
        for (let i = 0; i < positions.length; i++) ordered[i] = fields[positions[i]!]!;
        rowInput.values = ordered;
      }
      currentLine = line;
      const row = spec.parseRow(rowInput);
      if (row === undefined) return;
      const first = seen.add(keyOf(row), subKeyOf(row), line);
      if (first !== undefined)
        problems.add(line, `duplicate ${spec.describeKey(row)} (first on line ${first})`);
      else rows.push(row as Row);
    });
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.add(err.line, `not valid CSV: ${err.message}`);
  }
  if (!sawHeader)
    problems.add(1, `the file is empty; the first line must be the header ${spec.columns.join(",")}`);
  else if (problems.count === 0 && dataRows === 0) problems.add(1, "the file has a header but no data rows");
  return { kind, rows, problems: problems.listed, problemCount: problems.count };
}

/** `line 7: …` lines, the first MAX_LISTED, then how many more. */
export function formatProblems(outcome: { problems: LineProblem[]; problemCount: number }): string[] {
  const lines = outcome.problems.map((p) => `line ${p.line}: ${p.message}`);
  const more = outcome.problemCount - outcome.problems.length;
  if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? "" : "s"}`);
  return lines;
}

/**
 * Plan CSV: `family,period,quantity[,revenue][,capacity]` (DESIGN §3). Parsed with csv-parse (BOM, CRLF,
 * quoted fields) and checked whole: every bad line is reported with the file's own line number (header =
 * line 1), and nothing is accepted unless every line is good.
 */
import { CsvError, type Options, parse } from "csv-parse/sync";
import { addMonths, isPeriod, periodRange } from "../cycle/period.ts";
import { type PhaseRole, roleOf } from "../team/phase-role.ts";

export interface PlanRules {
  /** The cycle month: the horizon starts here. */
  cyclePeriod: string;
  horizonMonths: number;
  /** When the team configuration lists families, only those are accepted. */
  families?: string[];
  /** Finance plans must carry revenue. */
  requireRevenue: boolean;
  /** Supply plans may carry capacity. */
  allowCapacity: boolean;
}

/** A problem on one line (0 = the file as a whole). */
export interface PlanProblem {
  line: number;
  message: string;
}

export interface ParsedPlan {
  rows: number;
  /** Dictionary of family names, in order of first appearance. */
  families: string[];
  /** Dictionary of periods: the cycle's horizon, in order. */
  periods: string[];
  familyIndex: Uint32Array;
  periodIndex: Uint8Array;
  quantity: Float64Array;
  revenue: Float64Array | null;
  /** NaN where a line left capacity empty. */
  capacity: Float64Array | null;
}

export type PlanParseResult = { ok: true; plan: ParsedPlan } | { ok: false; problems: PlanProblem[] };

export const MAX_PLAN_LINES = 200_000;
const MAX_FAMILY_LENGTH = 100;
const KNOWN_COLUMNS = ["family", "period", "quantity", "revenue", "capacity"] as const;
type Column = (typeof KNOWN_COLUMNS)[number];

/** The rules for a phase of a team's cycle, by the phase's role: finance needs revenue, supply may give capacity. */
export function planRulesFor(
  cfg: { horizonMonths: number; families?: string[]; phases?: { id: string; role?: PhaseRole }[] },
  phaseId: string,
  cyclePeriod: string,
): PlanRules {
  const role = roleOf(cfg.phases?.find((p) => p.id === phaseId) ?? { id: phaseId });
  return {
    cyclePeriod,
    horizonMonths: cfg.horizonMonths,
    families: cfg.families,
    requireRevenue: role === "finance",
    allowCapacity: role === "supply",
  };
}

export function expectedHeader(rules: PlanRules): string {
  return `family,period,quantity${rules.requireRevenue ? ",revenue" : "[,revenue]"}${rules.allowCapacity ? "[,capacity]" : ""}`;
}

export function formatProblem(p: PlanProblem): string {
  return p.line > 0 ? `line ${p.line}: ${p.message}` : p.message;
}

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

const NUMBER = /^\+?(\d+(\.\d*)?|\.\d+)$/;

/** A non-negative decimal, or a message saying what is wrong with it. */
function readAmount(raw: string, column: string): number | string {
  if (raw === "") return `${column} is empty`;
  if (/^-\s*(\d|\.\d)/.test(raw)) return `${column} "${short(raw)}" must not be negative`;
  if (!NUMBER.test(raw)) return `${column} "${short(raw)}" is not a number`;
  const v = Number(raw);
  if (!Number.isFinite(v)) return `${column} "${short(raw)}" is too large`;
  return v;
}

function short(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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

type Rec = { record: string[]; line: number };

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

function nearestFamily(name: string, known: Map<string, string>): string | undefined {
  return known.get(name.toLowerCase());
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
  const header = rows[0];
  if (!header) return { ok: false, problems: [{ line: 0, message: "the file is empty" }] };

  const problems: PlanProblem[] = [];
  const headerLine = header.line;
  const columns = header.record.map((c) => c.toLowerCase());
  if (!columns.some((c) => (KNOWN_COLUMNS as readonly string[]).includes(c))) {
    return {
      ok: false,
      problems: [
        {
          line: headerLine,
          message: `no header: the first line must be the header ${expectedHeader(rules)} (found "${short(header.record.join(","))}")`,
        },
      ],
    };
  }
  const position = new Map<Column, number>();
  columns.forEach((c, i) => {
    if (!(KNOWN_COLUMNS as readonly string[]).includes(c)) {
      problems.push({
        line: headerLine,
        message: `unknown column "${short(header.record[i]!)}" (expected ${expectedHeader(rules)})`,
      });
    } else if (position.has(c as Column)) {
      problems.push({ line: headerLine, message: `column "${c}" appears twice` });
    } else position.set(c as Column, i);
  });
  const required: Column[] = [
    "family",
    "period",
    "quantity",
    ...(rules.requireRevenue ? (["revenue"] as const) : []),
  ];
  const missing = required.filter((c) => !position.has(c));
  if (missing.length) {
    problems.push({
      line: headerLine,
      message: `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} — the first line must be the header ${expectedHeader(rules)}`,
    });
  }
  if (position.has("capacity") && !rules.allowCapacity) {
    problems.push({ line: headerLine, message: "column capacity is only accepted in the supply plan" });
  }
  if (problems.length) return { ok: false, problems };

  const data = rows.slice(1);
  if (data.length === 0) {
    return { ok: false, problems: [{ line: 0, message: "the file has a header but no plan lines" }] };
  }
  if (data.length > MAX_PLAN_LINES) {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          message: `the file has ${data.length} plan lines; at most ${MAX_PLAN_LINES} are accepted`,
        },
      ],
    };
  }

  const horizon = periodRange(rules.cyclePeriod, rules.horizonMonths);
  const horizonIndex = new Map(horizon.map((p, i) => [p, i]));
  const lastPeriod = addMonths(rules.cyclePeriod, rules.horizonMonths - 1);
  const allowed = rules.families ? new Set(rules.families) : null;
  const allowedLower = rules.families ? new Map(rules.families.map((f) => [f.toLowerCase(), f])) : null;
  const familyIds = new Map<string, number>();
  const families: string[] = [];
  const seen = new Map<string, number>();
  const n = data.length;
  const familyIndex = new Uint32Array(n);
  const periodIndex = new Uint8Array(n);
  const quantity = new Float64Array(n);
  const revenue = position.has("revenue") ? new Float64Array(n) : null;
  const capacity = position.has("capacity") ? new Float64Array(n) : null;
  const width = columns.length;
  const col = (r: string[], c: Column) => r[position.get(c)!] ?? "";

  data.forEach((row, i) => {
    const line = row.line;
    const r = row.record;
    const bad = (message: string) => problems.push({ line, message });
    if (r.length !== width) {
      bad(`expected ${width} fields (${columns.join(",")}), found ${r.length}`);
      return;
    }
    const family = col(r, "family");
    const period = col(r, "period");
    let ok = true;
    if (family === "") {
      bad("family is empty");
      ok = false;
    } else if (family.length > MAX_FAMILY_LENGTH) {
      bad(`family "${short(family)}" is longer than ${MAX_FAMILY_LENGTH} characters`);
      ok = false;
    } else if (allowed && !allowed.has(family)) {
      const hint = nearestFamily(family, allowedLower!);
      bad(
        `unknown family "${short(family)}"${hint ? ` (did you mean "${hint}"?)` : " (not in the team's family list)"}`,
      );
      ok = false;
    }
    if (period === "") {
      bad("period is empty");
      ok = false;
    } else if (!isPeriod(period)) {
      bad(`period "${short(period)}" is not a month like ${rules.cyclePeriod} (YYYY-MM)`);
      ok = false;
    } else if (!horizonIndex.has(period)) {
      bad(`period ${period} is outside this cycle's horizon ${rules.cyclePeriod} … ${lastPeriod}`);
      ok = false;
    }
    const q = readAmount(col(r, "quantity"), "quantity");
    if (typeof q === "string") {
      bad(q);
      ok = false;
    }
    let rev = 0;
    if (revenue) {
      const v = readAmount(col(r, "revenue"), "revenue");
      if (typeof v === "string") {
        bad(v);
        ok = false;
      } else rev = v;
    }
    let cap = Number.NaN;
    if (capacity && col(r, "capacity") !== "") {
      const v = readAmount(col(r, "capacity"), "capacity");
      if (typeof v === "string") {
        bad(v);
        ok = false;
      } else cap = v;
    }
    if (family !== "" && period !== "") {
      const key = `${family}\u0000${period}`;
      const first = seen.get(key);
      if (first !== undefined) {
        bad(`duplicate of line ${first} (${short(family)}, ${period})`);
        ok = false;
      } else seen.set(key, line);
    }
    if (!ok || problems.length) return;
    let fid = familyIds.get(family);
    if (fid === undefined) {
      fid = families.length;
      families.push(family);
      familyIds.set(family, fid);
    }
    familyIndex[i] = fid;
    periodIndex[i] = horizonIndex.get(period)!;
    quantity[i] = q as number;
    if (revenue) revenue[i] = rev;
    if (capacity) capacity[i] = cap;
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    plan: { rows: n, families, periods: horizon, familyIndex, periodIndex, quantity, revenue, capacity },
  };
}

/**
 * Plan lines: `family,period,quantity[,revenue][,capacity]`, checked whole whatever the file they came
 * from (CSV text or an XLSX sheet). Every bad line is reported with the file's own line (or row) number,
 * header = 1, and the field when one field is wrong; nothing is accepted unless every line is good.
 */
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

/** A problem on one line (0 = the file as a whole), in one field when `column` (0-based) is given. */
export interface PlanProblem {
  line: number;
  message: string;
  column?: number;
  /** Set for spreadsheet uploads: problems then name rows and cells (`cell C7`), as Excel shows them. */
  sheet?: string;
}

/** One record of a plan file: its fields and the line (or row) it starts on. */
export interface PlanRecord {
  record: string[];
  line: number;
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

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function formatProblem(p: PlanProblem): string {
  if (p.line <= 0) return p.message;
  if (p.sheet === undefined) return `line ${p.line}: ${p.message}`;
  return p.column === undefined
    ? `row ${p.line}: ${p.message}`
    : `cell ${columnLetter(p.column)}${p.line}: ${p.message}`;
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

function nearestFamily(name: string, known: Map<string, string>): string | undefined {
  return known.get(name.toLowerCase());
}

/**
 * Checks plan records (the header first, blank rows already dropped) whole: every problem with the
 * record's line and, where one field is wrong, the field's position; nothing is accepted unless every
 * record is good. CSV text and XLSX sheets both come here, so both get exactly the same checks.
 */
export function validatePlanRecords(
  rows: PlanRecord[],
  rules: PlanRules,
  where: { sheet?: string } = {},
): PlanParseResult {
  const result = validate(rows, rules, where.sheet === undefined ? "line" : "row");
  if (result.ok || where.sheet === undefined) return result;
  const sheet = where.sheet;
  return {
    ok: false,
    problems: result.problems.map((p) => ({
      ...p,
      sheet,
      message: p.message.replace(/the first line/g, "the first row"),
    })),
  };
}

function validate(rows: PlanRecord[], rules: PlanRules, unit: "line" | "row"): PlanParseResult {
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
    const bad = (message: string, field?: Column) =>
      problems.push(
        field === undefined ? { line, message } : { line, message, column: position.get(field)! },
      );
    if (r.length !== width) {
      bad(`expected ${width} fields (${columns.join(",")}), found ${r.length}`);
      return;
    }
    const family = col(r, "family");
    const period = col(r, "period");
    let ok = true;
    if (family === "") {
      bad("family is empty", "family");
      ok = false;
    } else if (family.length > MAX_FAMILY_LENGTH) {
      bad(`family "${short(family)}" is longer than ${MAX_FAMILY_LENGTH} characters`, "family");
      ok = false;
    } else if (allowed && !allowed.has(family)) {
      const hint = nearestFamily(family, allowedLower!);
      bad(
        `unknown family "${short(family)}"${hint ? ` (did you mean "${hint}"?)` : " (not in the team's family list)"}`,
        "family",
      );
      ok = false;
    }
    if (period === "") {
      bad("period is empty", "period");
      ok = false;
    } else if (!isPeriod(period)) {
      bad(`period "${short(period)}" is not a month like ${rules.cyclePeriod} (YYYY-MM)`, "period");
      ok = false;
    } else if (!horizonIndex.has(period)) {
      bad(`period ${period} is outside this cycle's horizon ${rules.cyclePeriod} … ${lastPeriod}`, "period");
      ok = false;
    }
    const q = readAmount(col(r, "quantity"), "quantity");
    if (typeof q === "string") {
      bad(q, "quantity");
      ok = false;
    }
    let rev = 0;
    if (revenue) {
      const v = readAmount(col(r, "revenue"), "revenue");
      if (typeof v === "string") {
        bad(v, "revenue");
        ok = false;
      } else rev = v;
    }
    let cap = Number.NaN;
    if (capacity && col(r, "capacity") !== "") {
      const v = readAmount(col(r, "capacity"), "capacity");
      if (typeof v === "string") {
        bad(v, "capacity");
        ok = false;
      } else cap = v;
    }
    if (family !== "" && period !== "") {
      const key = `${family}\u0000${period}`;
      const first = seen.get(key);
      if (first !== undefined) {
        bad(`duplicate of ${unit} ${first} (${short(family)}, ${period})`);
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

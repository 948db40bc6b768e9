/**
 * Imports one actuals file for a team: every row is checked first (nothing is written when any row is
 * bad), then stored with an upsert on the natural key, so re-importing never double counts.
 */
import { UserError } from "../errors.ts";
import { type UpsertOptions, upsertActuals } from "../store/actuals/index.ts";
import type { CsvSource } from "./csv-records.ts";
import { type ActualsKind, KIND_SPECS } from "./kinds.ts";
import { formatProblems, type ReadOutcome, readActuals } from "./read-actuals.ts";

/** What `sop import` prints: `{"kind","rows","inserted","updated"}`. */
export interface ImportResult {
  kind: ActualsKind;
  rows: number;
  inserted: number;
  /** Rows whose natural key already existed (re-imports, corrections). */
  updated: number;
}

export interface ImportRequest {
  teamId: string;
  kind: ActualsKind;
  source: CsvSource;
  /** The team's family list, when it has one. */
  families?: readonly string[];
}

/** Throws a UserError listing the line-numbered problems when the file has any. */
export function assertNoProblems(outcome: ReadOutcome<unknown>): void {
  if (outcome.problemCount === 0) return;
  const file = KIND_SPECS[outcome.kind].fileName;
  const n = outcome.problemCount;
  throw new UserError(
    "bad_input",
    `${file}: ${n} problem${n === 1 ? "" : "s"} found; nothing was imported.`,
    formatProblems(outcome),
  );
}

/** Parses and checks a file; throws UserError with line-numbered problems. */
export async function checkActuals<Row = unknown>(
  kind: ActualsKind,
  source: CsvSource,
  families?: readonly string[],
): Promise<Row[]> {
  const outcome = await readActuals<Row>(kind, source, { families });
  assertNoProblems(outcome);
  return outcome.rows;
}

/** Stores rows that passed checkActuals. */
export async function storeActuals(
  teamId: string,
  kind: ActualsKind,
  rows: unknown[],
  opts?: UpsertOptions,
): Promise<ImportResult> {
  const stored = await upsertActuals(teamId, kind, rows as never[], opts);
  return { kind, rows: rows.length, inserted: stored.inserted, updated: stored.updated };
}

export async function importActuals(req: ImportRequest, opts?: UpsertOptions): Promise<ImportResult> {
  const rows = await checkActuals(req.kind, req.source, req.families);
  return storeActuals(req.teamId, req.kind, rows, opts);
}

/**
 * CSV records with the line number an editor shows for them (header = line 1). csv-parse does the
 * parsing (BOM, CRLF, quoted fields with commas and line breaks). Lines are counted here, not with
 * csv-parse's `info` (which costs about twice the parse itself and counts a CRLF inside quotes as two
 * lines): blank lines come through as one-field records, and a record spans one line plus the line breaks
 * inside its fields.
 *
 * A file without any quote character and with one kind of line ending (all LF or all CRLF) is split
 * here instead, line by line at the commas: csv-parse would read it into exactly the same records, and
 * splitting is about ten times faster (measured on 520,000 rows, bench/RESULTS-kpi.md). Anything else —
 * a quote anywhere, a lone CR, mixed line endings — goes through csv-parse, with its error messages.
 */
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";

export interface CsvRecord {
  /** The file's own line number of the record's first line. */
  line: number;
  fields: string[];
}

/** The file is not well-formed CSV (e.g. an unclosed quote); parsing cannot go on past `line`. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export type CsvSource = string | Buffer | NodeJS.ReadableStream;

function toStream(source: CsvSource): NodeJS.ReadableStream {
  return typeof source === "string" || Buffer.isBuffer(source) ? Readable.from([source]) : source;
}

function countBreaks(fields: string[]): { all: number; crlf: number } {
  let all = 0;
  let crlf = 0;
  for (const f of fields) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 13) {
        all++;
        if (f.charCodeAt(i + 1) === 10) {
          crlf++;
          i++;
        }
      } else if (c === 10) all++;
    }
  }
  return { all, crlf };
}

/** The whole source as text (imports check every row before storing any, so they hold the file anyway). */
export async function csvText(source: CsvSource): Promise<string> {
  if (typeof source === "string") return source;
  if (Buffer.isBuffer(source)) return source.toString("utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of source as AsyncIterable<Buffer | string>)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** No quote character, and either no CR at all or a CR before every LF and nowhere else. */
export function isPlainCsv(text: string): boolean {
  if (text.indexOf('"') >= 0) return false;
  let cr = 0;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return false;
    cr++;
  }
  if (cr === 0) return true;
  let lf = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lf++;
  return lf === cr;
}

/**
 * Calls `visit` with each record of a plain file (see isPlainCsv), split at line endings and commas;
 * one fields array is reused for every record. Stops when `visit` returns false.
 */
function visitPlain(text: string, visit: VisitRecord): void {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const eol = text.indexOf("\r") >= 0 ? "\r\n" : "\n";
  const fields: string[] = [];
  let line = 1;
  for (let pos = start; pos < text.length; line++) {
    let end = text.indexOf(eol, pos);
    if (end < 0) end = text.length;
    if (end > pos) {
      let n = 0;
      for (let from = pos; ; ) {
        const comma = text.indexOf(",", from);
        if (comma < 0 || comma > end) {
          fields[n++] = text.slice(from, end);
          break;
        }
        fields[n++] = text.slice(from, comma);
        from = comma + 1;
      }
      if (fields.length !== n) fields.length = n; // setting it costs even when unchanged
      if (visit(line, fields) === false) return;
    }
    pos = end + eol.length;
  }
}

/**
 * Called with each record: its first line and its fields (the array is only valid during the call).
 * Returning false stops the reading.
 */
export type VisitRecord = (line: number, fields: string[]) => boolean | undefined;

/** Every record of the source, blank lines skipped; throws CsvSyntaxError for malformed CSV. */
export async function* readCsvRecords(source: CsvSource): AsyncGenerator<CsvRecord> {
  const records: CsvRecord[] = [];
  let failure: unknown;
  await visitCsvRecords(source, (line, fields) => {
    records.push({ line, fields: [...fields] });
    return true;
  }).catch((err) => {
    failure = err;
  });
  yield* records;
  if (failure !== undefined) throw failure;
}

/**
 * Visits every record of the source in order, blank lines skipped; throws CsvSyntaxError for malformed
 * CSV (after visiting the records before it). A plain file is split here, anything else by csv-parse.
 */
export async function visitCsvRecords(source: CsvSource, visit: VisitRecord): Promise<void> {
  const text = await csvText(source);
  if (isPlainCsv(text)) visitPlain(text, visit);
  else
    for await (const batch of parsedBatches(text))
      for (const r of batch) if (visit(r.line, r.fields) === false) return;
}

/** The records as csv-parse reads them. */
async function* parsedBatches(source: CsvSource): AsyncGenerator<CsvRecord[]> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  // Records are taken from 'data' events (not the async iterator, which drops the records parsed before an
  // error), so the line of a syntax error is known relative to the last good record.
  const queue: string[][] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  parser.on("data", (record: string[]) => {
    queue.push(record);
    if (queue.length >= 2000) parser.pause();
    signal();
  });
  parser.on("error", (err) => {
    failure = err;
    signal();
  });
  parser.on("end", () => {
    ended = true;
    signal();
  });
  const input = toStream(source);
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);

  let line = 1;
  // csv-parse's own counter (in its errors) counts a CRLF inside quotes twice; we subtract what it added.
  let overCount = 0;
  try {
    for (;;) {
      if (queue.length > 0) {
        const batch: CsvRecord[] = [];
        for (const record of queue.splice(0, queue.length)) {
          const start = line;
          const { all, crlf } = countBreaks(record);
          overCount += crlf;
          line += 1 + all;
          if (record.length === 1 && record[0] === "") continue; // a blank line
          batch.push({ line: start, fields: record });
        }
        if (batch.length > 0) yield batch;
        continue;
      }
      if (failure !== undefined) {
        const err = failure;
        if (!(err instanceof CsvError)) throw err;
        const reported = (err as CsvError & { lines?: number }).lines ?? line;
        // An unclosed quote is found at the end of the file; the record it opened starts after the last good one.
        const at = err.code === "CSV_QUOTE_NOT_CLOSED" ? line : reported - overCount;
        throw new CsvSyntaxError(Math.max(1, at), describeCsvError(err));
      }
      if (ended) return;
      if (parser.isPaused()) parser.resume();
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    // The consumer may stop early (a bad header): release the file.
    if (!ended) {
      input.unpipe(parser);
      parser.destroy();
      (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    }
  }
}

function describeCsvError(e: CsvError): string {
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a quoted value that starts on this line or later is never closed (a missing ")';
    case "INVALID_OPENING_QUOTE":
      return 'a quote (") inside an unquoted value; quote the whole value and double inner quotes ("")';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a closing quote (") must be followed by a comma or the end of the line';
    default:
      return e.message.replace(/^[A-Za-z ]+: /, "");
  }
}

/**
 * The demo's ERP feed: examples/*.csv hold the actuals up to the end of the demo month, and the demo
 * imports them as they would have arrived — everything known on the first day, then each Monday what
 * the week just ended added or changed. "Known on date D": orders placed by D (delivered only if
 * delivered by D, else still open), demand and production weeks that ended by D, inventory counts
 * taken by D. Re-sending an order that has since been delivered is what the natural-key upsert is for.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../../src/db/provision.ts";
import { addDays } from "../../src/time/dates.ts";
import { isoWeekMonday } from "../../src/time/iso-week.ts";
import { cli, type DemoContext, TEAM } from "./context.ts";

export const FEED_KINDS = ["orders", "demand", "production", "inventory"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** A row as of `asOf`, or null when nothing of it was known then. */
function rowAsOf(kind: FeedKind, cells: string[], asOf: string): string[] | null {
  switch (kind) {
    case "orders": {
      const [, , ordered, , delivered] = cells;
      if (ordered! > asOf) return null;
      return delivered && delivered > asOf ? cells.map((c, i) => (i === 4 ? "" : c)) : cells;
    }
    case "demand":
    case "production":
      // Weekly periods; a week is known once its Sunday has passed.
      return addDays(isoWeekMonday(cells[0]!), 6) <= asOf ? cells : null;
    case "inventory":
      return cells[0]! <= asOf ? cells : null;
  }
}

function rows(examplesDir: string, kind: FeedKind): { header: string; rows: string[][] } {
  const [header, ...lines] = readFileSync(join(examplesDir, `${kind}.csv`), "utf8")
    .trimEnd()
    .split("\n");
  const width = header!.split(",").length;
  return {
    header: header!,
    rows: lines.map((l, i) => {
      const cells = l.split(",");
      // The generator writes no quoted fields; a change there must not slip through as a wrong cut.
      if (cells.length !== width) throw new Error(`${kind}.csv line ${i + 2}: expected ${width} fields`);
      return cells;
    }),
  };
}

/**
 * Writes `OUT/KIND-ASOF.csv` for each kind with the rows known on `asOf` that were not known (or
 * read differently) on `since`; without `since`, all rows known on `asOf`. Returns the file paths.
 */
export function writeFeed(
  examplesDir: string,
  outDir: string,
  asOf: string,
  since?: string,
): Record<FeedKind, string> {
  const out = {} as Record<FeedKind, string>;
  for (const kind of FEED_KINDS) {
    const { header, rows: all } = rows(examplesDir, kind);
    const lines: string[] = [];
    for (const cells of all) {
      const now = rowAsOf(kind, cells, asOf);
      if (!now) continue;
      const before = since ? rowAsOf(kind, cells, since) : null;
      if (before && before.join(",") === now.join(",")) continue;
      lines.push(now.join(","));
    }
    const path = join(outDir, `${kind}-${asOf}.csv`);
    writeFileSync(path, `${[header, ...lines].join("\n")}\n`);
    out[kind] = path;
  }
  return out;
}

/** The files of the ERP feed for `asOf` (what changed since `since`), under demo-out/feed/. */
export function feedFiles(ctx: DemoContext, asOf: string, since?: string) {
  const dir = join(ctx.outDir, "feed");
  mkdirSync(dir, { recursive: true });
  return writeFeed(join(repoRoot, "examples"), dir, asOf, since);
}

/** The Monday feed: the week's new and changed actuals, imported and shown as one terminal entry. */
export async function weeklyFeed(ctx: DemoContext, asOf: string, since: string): Promise<void> {
  const files = feedFiles(ctx, asOf, since);
  const out: string[] = [];
  for (const kind of FEED_KINDS) {
    const path = relative(repoRoot, files[kind]);
    out.push(await importQuietly(ctx, kind, path));
  }
  ctx.transcript.terminal(
    `for kind in ${FEED_KINDS.join(" ")}; do sop import $kind demo-out/feed/$kind-${asOf}.csv --team ${TEAM}; done`,
    `${out.join("\n")}\n`,
  );
}

async function importQuietly(ctx: DemoContext, kind: FeedKind, path: string): Promise<string> {
  const r = await cli(ctx, ["import", kind, path, "--team", TEAM], { record: false });
  if (r.code !== 0) throw new Error(`sop import ${kind} ${path} failed: ${r.stderr}`);
  return r.stdout.trimEnd();
}

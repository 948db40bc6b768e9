/**
 * What a query asks of a real MongoDB: given the commands a client sent (read off the wire,
 * wire-recorder.ts, or from the driver's command monitoring), which
 * filters are served by an index — an `_id` lookup or range, or a declared index whose leading field the
 * filter names — and which would scan a collection.
 */
import { allModels } from "../../src/db/models/index.ts";

type Filter = Record<string, unknown>;

/** One command as sent: its name (the body's first key) and its body. */
export interface SentCommand {
  commandName: string;
  command: Record<string, unknown>;
}

export interface Unserved {
  command: string;
  collection: string;
  filter: unknown;
}

/** Leading fields of every declared index, per collection (`_id` always). */
export function declaredIndexes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const model of allModels()) {
    const leading = out.get(model.collection.collectionName) ?? new Set(["_id"]);
    for (const [fields] of model.schema.indexes()) {
      const first = Object.keys(fields)[0];
      if (first) leading.add(first);
    }
    out.set(model.collection.collectionName, leading);
  }
  return out;
}

const BOUNDS = new Set(["$eq", "$in", "$gt", "$gte", "$lt", "$lte"]);

/** A condition an index can seek on: a value, `$eq`/`$in`, or a range bound. */
function seekable(cond: unknown): boolean {
  if (cond === null || typeof cond !== "object" || Array.isArray(cond) || cond instanceof Date) return true;
  const ops = Object.keys(cond as object);
  if (ops.length === 0 || !ops.every((o) => o.startsWith("$"))) return true; // an embedded value
  return ops.some((o) => BOUNDS.has(o));
}

/** True when an index with one of `leading` as its first field serves `filter`. */
export function served(filter: Filter | undefined, leading: Set<string>): boolean {
  if (!filter) return false;
  if (Array.isArray(filter.$or)) return (filter.$or as Filter[]).every((f) => served(f, leading));
  const and = Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [];
  if (and.some((f) => served(f, leading))) return true;
  return Object.entries(filter).some(([field, cond]) => leading.has(field) && seekable(cond));
}

/** The filters a command applies (none for commands that do not read by filter). */
function filtersOf(e: SentCommand): { collection: string; filters: (Filter | undefined)[] } | null {
  const c = e.command;
  const collection = String(c[e.commandName]);
  switch (e.commandName) {
    case "find":
      return { collection, filters: [c.filter as Filter | undefined] };
    case "count":
    case "distinct":
    case "findAndModify":
      return { collection, filters: [c.query as Filter | undefined] };
    case "update":
      return { collection, filters: (c.updates as { q: Filter }[]).map((u) => u.q) };
    case "delete":
      return { collection, filters: (c.deletes as { q: Filter }[]).map((d) => d.q) };
    case "aggregate": {
      const first = (c.pipeline as Record<string, unknown>[])[0];
      return { collection, filters: [first?.$match as Filter | undefined] };
    }
    default:
      return null;
  }
}

/** The filtered commands that no index serves. Collections no model declares are checked on `_id`. */
export function unservedQueries(events: SentCommand[]): Unserved[] {
  const indexes = declaredIndexes();
  const out: Unserved[] = [];
  for (const e of events) {
    const f = filtersOf(e);
    if (!f || f.collection.startsWith("system.")) continue;
    const leading = indexes.get(f.collection) ?? new Set(["_id"]);
    for (const filter of f.filters)
      if (!served(filter, leading)) out.push({ command: e.commandName, collection: f.collection, filter });
  }
  return out;
}

/**
 * `_id` ranges: every team-scoped `_id` starts with the team id and `|` (`T0SIM|2027-01|0003`), so a
 * team's documents — or one team's series — are the `_id` range [`prefix`, successor of `prefix`), the
 * successor being `prefix` with its last character incremented (`T0SIM|` → `T0SIM}`): exact whatever
 * follows the prefix. On MongoDB that is a bounded scan of the `_id` index; FerretDB 1.24 pushes down
 * only `_id` equality and scans either way, which is why hot paths use point lookups and ranges serve
 * listings and pruning.
 */

export interface IdRange {
  _id: { $gte: string; $lt: string };
}

function successor(prefix: string): string {
  if (prefix === "") throw new RangeError("an _id prefix range needs a prefix");
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** The `_id` filter of every document whose `_id` starts with `prefix`. */
export function idPrefixRange(prefix: string): IdRange {
  return { _id: { $gte: prefix, $lt: successor(prefix) } };
}

/** The `_id` filter of one team's documents (ids `team|…`). */
export function teamIdRange(teamId: string): IdRange {
  return idPrefixRange(`${teamId}|`);
}

/** `_id`s that start with `prefix` and sort before `prefix` + `below` (pruning a dated series). */
export function idPrefixBelow(prefix: string, below: string): IdRange {
  return { _id: { $gte: prefix, $lt: `${prefix}${below}` } };
}

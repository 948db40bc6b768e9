/**
 * The filter that scopes a query to one team's actuals: every `_id` starts with `team|`, so the range
 * [`team|`, `team}`) holds exactly the team's documents (team ids are [A-Z0-9]; `}` follows `|`). On
 * MongoDB this is an `_id` index range; FerretDB 1.24 scans either way. `teamId` is matched too, so the
 * scope reads plainly.
 */
import type { Document, Filter } from "mongodb";

export function teamScope(teamId: string): Filter<Document> {
  return { _id: { $gte: `${teamId}|`, $lt: `${teamId}}` } as unknown as Filter<Document>["_id"], teamId };
}

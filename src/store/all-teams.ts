/**
 * The one kind of read that is not scoped to a team: walking a collection that holds one small document
 * per team (the team configuration heads), for the scheduler's list of teams. It pages through the
 * collection in `_id` order — `{_id: {$gt: last}}`, sorted by `_id`, a bounded page at a time — so on
 * MongoDB every page is an `_id` index range, and its cost grows with the number of teams, never with a
 * team's data. No other cross-team query exists; pruning and every other read name the team.
 */
import type { Model } from "mongoose";

const PAGE = 500;

/** Every document of a one-document-per-team collection, projected, in `_id` order. */
export async function* everyTeam<T extends { _id: string }>(
  // biome-ignore lint/suspicious/noExplicitAny: any one-document-per-team model
  model: Model<any>,
  projection: Record<string, 0 | 1>,
): AsyncGenerator<T> {
  let after = "";
  for (;;) {
    const page = (await model.collection
      .find({ _id: { $gt: after } } as never, { projection })
      .sort({ _id: 1 })
      .limit(PAGE)
      .toArray()) as unknown as T[];
    for (const doc of page) yield doc;
    if (page.length < PAGE) return;
    after = page.at(-1)!._id;
  }
}

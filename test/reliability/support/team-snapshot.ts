/**
 * Everything stored for one team, across every collection, for "nothing changed" checks: documents whose
 * `_id` is the team id or starts with it plus a separator, or whose `teamId` is the team. Claimed request
 * keys are left out (every request claims one, by design).
 */
import mongoose from "mongoose";

export type TeamSnapshot = Record<string, unknown[]>;

export async function teamSnapshot(teamId: string): Promise<TeamSnapshot> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const escaped = teamId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const prefix = new RegExp(`^${escaped}([|:#/]|$)`);
  const out: TeamSnapshot = {};
  for (const name of names) {
    const docs = await db
      .collection(name)
      .find({ $or: [{ _id: teamId as never }, { _id: prefix as never }, { teamId }] })
      .toArray();
    out[name] = docs
      .map((d) => JSON.parse(JSON.stringify(d)) as { _id: unknown })
      .sort((a, b) => String(a._id).localeCompare(String(b._id)));
  }
  return out;
}

/** Collections whose team documents differ between two snapshots, with counts, for a readable failure. */
export function snapshotDiff(before: TeamSnapshot, after: TeamSnapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.flatMap((n) => {
    const a = JSON.stringify(before[n] ?? []);
    const b = JSON.stringify(after[n] ?? []);
    return a === b
      ? []
      : [`${n}: ${(before[n] ?? []).length} → ${(after[n] ?? []).length} documents, contents differ`];
  });
}

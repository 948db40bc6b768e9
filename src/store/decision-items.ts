/**
 * Decisions and action items in the database. Logging is one insert under the item's deterministic
 * `_id` (a double submit or two replicas store it once); closing is one insert under the same `_id` in
 * the closures collection (of any number of concurrent closes exactly one wins). Reads are `_id` prefix
 * ranges: a cycle's items (`team|period|`) or a team's (`team|`).
 */
import { type SopItemDoc, SopItemModel } from "../db/models/sop-item.ts";
import { type SopItemClosureDoc, SopItemClosureModel } from "../db/models/sop-item-closure.ts";
import type { LoggedItem } from "../decisions/item.ts";
import { idPrefixRange, teamIdRange } from "./id-range.ts";
import { insertUnique } from "./unique-insert.ts";

function toItem(d: SopItemDoc, closure: SopItemClosureDoc | undefined): LoggedItem {
  const decision = d.kind === "decision";
  return {
    id: d._id,
    teamId: d.teamId,
    kind: d.kind,
    text: d.text,
    owner: d.owner ?? null,
    dueDate: d.dueDate ?? null,
    period: d.period,
    phase: d.phase ?? null,
    phaseName: d.phaseName ?? null,
    permalink: d.permalink ?? null,
    createdBy: d.createdBy,
    createdAt: new Date(d.createdAt),
    // A decision is on record as logged; an action is open until its closure is inserted.
    status: decision || closure ? "closed" : "open",
    closedBy: decision ? d.createdBy : (closure?.by ?? null),
    closedAt: decision ? new Date(d.createdAt) : closure ? new Date(closure.at) : null,
  };
}

export interface LoggedResult {
  item: LoggedItem;
  /** False when the same item had been logged before (nothing new was stored). */
  created: boolean;
  logMessage: { channel: string; ts: string } | null;
}

/** Stores a new item (built by newItem); when it exists already, returns the stored one. */
export async function logItem(item: LoggedItem): Promise<LoggedResult> {
  const created = await insertUnique(SopItemModel, {
    _id: item.id,
    teamId: item.teamId,
    period: item.period,
    kind: item.kind,
    text: item.text,
    owner: item.owner,
    dueDate: item.dueDate,
    phase: item.phase,
    phaseName: item.phaseName,
    permalink: item.permalink,
    createdBy: item.createdBy,
    createdAt: item.createdAt,
    logChannel: null,
    logTs: null,
  });
  if (created) return { item, created, logMessage: null };
  const stored = await findItem(item.teamId, item.id);
  if (!stored) throw new Error(`item ${item.id} exists and cannot be read`);
  return { ...stored, created };
}

/** One item of the team with where its log message is; null when there is none. */
export async function findItem(
  teamId: string,
  id: string,
): Promise<{ item: LoggedItem; logMessage: { channel: string; ts: string } | null } | null> {
  const [d, c] = await Promise.all([
    SopItemModel.findById(id).lean<SopItemDoc>(),
    SopItemClosureModel.findById(id).lean<SopItemClosureDoc>(),
  ]);
  if (!d || d.teamId !== teamId) return null;
  return {
    item: toItem(d, c && c.teamId === teamId ? c : undefined),
    logMessage: d.logChannel && d.logTs ? { channel: d.logChannel, ts: d.logTs } : null,
  };
}

async function itemsIn(teamId: string, range: ReturnType<typeof teamIdRange>): Promise<LoggedItem[]> {
  const [docs, closures] = await Promise.all([
    SopItemModel.find(range).lean<SopItemDoc[]>(),
    SopItemClosureModel.find(range).lean<SopItemClosureDoc[]>(),
  ]);
  const closed = new Map(closures.filter((c) => c.teamId === teamId).map((c) => [c._id, c]));
  return docs.filter((d) => d.teamId === teamId).map((d) => toItem(d, closed.get(d._id)));
}

/** The decisions and action items of one cycle. */
export function cycleItems(teamId: string, period: string): Promise<LoggedItem[]> {
  return itemsIn(teamId, idPrefixRange(`${teamId}|${period}|`));
}

/** The team's open action items, of every cycle (reminders, status, App Home, the digest). */
export async function openActionItems(teamId: string): Promise<LoggedItem[]> {
  const all = await itemsIn(teamId, teamIdRange(teamId));
  return all.filter((i) => i.kind === "action" && i.status === "open");
}

export type CloseOutcome =
  | { closed: true; item: LoggedItem }
  | { closed: false; item: LoggedItem; by: string; at: Date };

/** Closes an action item: true for the one call that closed it, else who closed it before and when. */
export async function closeItem(item: LoggedItem, by: string, at: Date): Promise<CloseOutcome> {
  const won = await insertUnique(SopItemClosureModel, { _id: item.id, teamId: item.teamId, by, at });
  if (won) return { closed: true, item: { ...item, status: "closed", closedBy: by, closedAt: at } };
  const c = await SopItemClosureModel.findById(item.id).lean<SopItemClosureDoc>();
  const closedBy = c?.by ?? by;
  const closedAt = c ? new Date(c.at) : at;
  return {
    closed: false,
    item: { ...item, status: "closed", closedBy, closedAt },
    by: closedBy,
    at: closedAt,
  };
}

/**
 * Remembers where the bot posted an item's log message (and its permalink when the item had none).
 * Only the request that stored the item posts it, so this plain update has one writer.
 */
export async function recordLogMessage(
  teamId: string,
  id: string,
  where: { channel: string; ts: string },
  permalink: string | null,
): Promise<void> {
  await SopItemModel.updateOne({ _id: id, teamId }, { $set: { logChannel: where.channel, logTs: where.ts } });
  if (permalink) await SopItemModel.updateOne({ _id: id, teamId, permalink: null }, { $set: { permalink } });
}

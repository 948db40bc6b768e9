/**
 * Ids of the decision and action item UI — the message shortcut, the log modal, the Close button — and
 * the modal's private_metadata (JSON the server re-checks: it comes back from the client).
 */
import type { ItemKind } from "../src/decisions/item.ts";

export const ITEM_IDS = {
  /** The message shortcut "Log as S&OP decision / action". */
  shortcut: "sop_log_item_shortcut",
  modal: "sop_log_item",
  close: "sop_close_item",
} as const;

/** Log modal: block_id → action_id. */
export const ITEM_INPUTS = {
  kind: { block: "item_kind", action: "kind" },
  text: { block: "item_text", action: "text" },
  owner: { block: "item_owner", action: "owner" },
  dueDate: { block: "item_due", action: "due" },
  phase: { block: "item_phase", action: "phase" },
} as const;

export interface ItemModalMeta {
  period: string;
  /** Fixed by the command (`/sop decide`, `/sop action`); null: the form asks (the shortcut). */
  kind: ItemKind | null;
  /** The message logged from (`channel|ts`), and its permalink. */
  source: string | null;
  permalink: string | null;
}

export function encodeItemMeta(m: ItemModalMeta): string {
  return JSON.stringify({ p: m.period, k: m.kind, s: m.source, l: m.permalink });
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

export function decodeItemMeta(raw: unknown): ItemModalMeta | null {
  if (typeof raw !== "string" || raw.length > 3000) return null;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    const period = str(o.p);
    const kind = o.k === "decision" || o.k === "action" ? o.k : o.k === null ? null : undefined;
    if (!period || kind === undefined) return null;
    return { period, kind, source: str(o.s), permalink: str(o.l) };
  } catch {
    return null;
  }
}

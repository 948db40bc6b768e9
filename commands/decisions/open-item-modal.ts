/** Opens the log form for a cycle, after checking the person may log there (said at once, not at submit). */
import type { WebClient } from "@slack/web-api";
import type { CycleState } from "../../src/cycle/cycle-state.ts";
import { requireMayLog } from "../../src/decisions/access.ts";
import { currentPhaseId } from "../../src/decisions/new-item.ts";
import type { ItemDraft } from "../../src/decisions/parse-text.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import type { ItemModalMeta } from "../../views/item-ids.ts";
import { itemModal } from "../../views/item-modal.ts";

export async function openItemModal(
  client: WebClient,
  triggerId: string,
  r: {
    cfg: TeamConfig;
    cycle: CycleState;
    userId: string;
    meta: Omit<ItemModalMeta, "period">;
    draft: ItemDraft;
  },
): Promise<void> {
  requireMayLog(r.cfg, r.cycle, r.userId);
  await client.views.open({
    trigger_id: triggerId,
    view: itemModal({
      cycle: r.cycle,
      meta: { ...r.meta, period: r.cycle.period },
      text: r.draft.text,
      owner: r.draft.owner,
      dueDate: r.draft.dueDate,
      phase: currentPhaseId(r.cycle),
    }),
  });
}

/** What every message builder returns: Slack's own Block Kit types, with the notification text fallback. */
import type { KnownBlock } from "@slack/types";

export type { KnownBlock };

export interface Message {
  /** Shown in notifications and by clients that cannot render blocks; Slack requires it with blocks. */
  text: string;
  blocks: KnownBlock[];
}

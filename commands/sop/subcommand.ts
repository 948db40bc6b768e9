/** A `/sop WORD …` sub-command: one file each, listed in commands/sop/index.ts. */
import type { ListenerContext } from "../listener.ts";

export interface SopContext extends ListenerContext {
  /** Words after the sub-command, e.g. ["2027-01"] for `/sop start 2027-01`. */
  args: string[];
  channelId: string;
  triggerId: string;
}

export interface Subcommand {
  name: string;
  /** Extra words that mean the same, e.g. "?" for help. */
  aliases?: string[];
  /** Opens a modal, so its work must start within Slack's 3 s for the trigger_id (see InFlight). */
  opensModal?: boolean;
  run(ctx: SopContext): Promise<void>;
}

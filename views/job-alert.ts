/** The DM an admin gets when a scheduled job cannot reach a configured channel. */
import type { Message } from "./message.ts";
import { channelRef, truncate } from "./text.ts";

export interface ChannelProblem {
  channel: string;
  /** e.g. "the exec channel" */
  label: string;
  /** The configuration field naming the channel, e.g. `channels.exec`. */
  configKey: string;
  code: string;
  job: string;
  periodKey: string;
}

const EXPLAIN: Record<string, string> = {
  channel_not_found: "the channel does not exist (or is private and the bot was never added)",
  not_in_channel: "the bot is not a member of the channel",
  is_archived: "the channel is archived",
  channel_is_archived: "the channel is archived",
};

export function channelProblemAlert(p: ChannelProblem): Message {
  const why = EXPLAIN[p.code] ?? p.code;
  const text = `The ${p.job} job (${p.periodKey}) could not post to ${p.label} ${p.channel}: ${p.code}.`;
  const body =
    `:rotating_light: *The ${p.job} job could not post to ${p.label}* (${channelRef(p.channel)}, \`${p.channel}\`) ` +
    `for ${p.periodKey}: \`${p.code}\` — ${why}.\n` +
    `Fix it by inviting the bot to the channel (\`/invite @S&OP bot\`) or by changing \`${p.configKey}\` with \`/sop setup\`. ` +
    "The job will not retry this period on its own; the next scheduled run uses the corrected setting.";
  return {
    text: truncate(text, 3000),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(body, 3000) } }],
  };
}

/**
 * The DMs an admin gets about scheduled output: a job cannot reach a configured channel, or a post may
 * be missing because its outcome was never recorded.
 */
import { formatWhen } from "../src/cycle/people.ts";
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

export interface OutcomeUnknown {
  /** "chat.postMessage (digest 2027-W04) to the exec channel C0EXEC" */
  what: string;
  /** The channel or user id it was for. */
  where: string;
  since: Date;
  timezone: string;
  job: string;
  periodKey: string;
  /** How to get it out by hand, e.g. "`/sop digest` posts the digest now." */
  ifMissing?: string;
}

/** An item of scheduled output was sent but its outcome not recorded: say so, and what to check. */
export function outcomeUnknownAlert(p: OutcomeUnknown): Message {
  const place = /^[CG]/.test(p.where) ? channelRef(p.where) : `<@${p.where}>`;
  const text = `The ${p.job} job (${p.periodKey}) may or may not have sent: ${p.what}.`;
  const body =
    `:warning: *The ${p.job} job may or may not have sent something* (${p.periodKey}): ${p.what}, ` +
    `attempted at ${formatWhen(p.since, p.timezone)}. The app stopped (or lost Slack's answer) before it could record the outcome, ` +
    `so it will not send it again — that could post it twice. Please check ${place}; if it is not there, it was not sent.` +
    (p.ifMissing ? ` ${p.ifMissing}` : "");
  return {
    text: truncate(text, 3000),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(body, 3000) } }],
  };
}

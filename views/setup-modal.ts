/**
 * `/sop setup`: channels, time zone, admins, and per phase its owners, approvers and due day. Phase ids and
 * names come from the current template (or the default one); families, KPI targets and schedules are kept
 * as they are (`sop config import` edits those). Fits Slack's 100 blocks for up to 31 phases.
 */
import type { ConversationsSelect, InputBlock, ModalView, MultiUsersSelect } from "@slack/types";
import { CYCLE_VIEWS, SETUP_INPUTS } from "./cycle-ids.ts";
import type { KnownBlock } from "./message.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

export interface SetupPhase {
  id: string;
  name: string;
  owners: string[];
  approvers: string[];
  dueDay: number;
}

export interface SetupModalInput {
  admins: string[];
  sopChannel: string | null;
  execChannel: string | null;
  timezone: string;
  phases: SetupPhase[];
  /** The stored configuration's revision (null: none yet), for the save's concurrency check. */
  revision: number | null;
  /** Shown at the top (mrkdwn), e.g. that the setup changed while the person was editing. */
  notice?: string;
}

export const SETUP_MAX_BLOCKS = 100;

export function encodeSetupMeta(revision: number | null): string {
  return JSON.stringify({ rev: revision });
}

export function decodeSetupMeta(raw: unknown): { revision: number | null } | null {
  if (typeof raw !== "string" || raw.length > 3000) return null;
  try {
    const o = JSON.parse(raw) as { rev?: unknown };
    if (o.rev === null) return { revision: null };
    return typeof o.rev === "number" && Number.isInteger(o.rev) ? { revision: o.rev } : null;
  } catch {
    return null;
  }
}

const validChannel = (c: string | null) => (c && /^[CG][A-Z0-9]+$/.test(c) ? c : undefined);

function users(block: { block: string; action: string }, label: string, initial: string[]): InputBlock {
  const element: MultiUsersSelect = { type: "multi_users_select", action_id: block.action };
  if (initial.length) element.initial_users = initial;
  return {
    type: "input",
    block_id: block.block,
    label: { type: "plain_text", text: truncate(label, 2000) },
    element,
  };
}

function channel(
  block: { block: string; action: string },
  label: string,
  initial: string | null,
): InputBlock {
  const element: ConversationsSelect = {
    type: "conversations_select",
    action_id: block.action,
    filter: { include: ["public", "private"], exclude_bot_users: true },
  };
  const c = validChannel(initial);
  if (c) element.initial_conversation = c;
  return { type: "input", block_id: block.block, label: { type: "plain_text", text: label }, element };
}

export function setupModal(input: SetupModalInput): ModalView {
  const head: KnownBlock[] = [
    ...(input.notice
      ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(input.notice, 3000) } }]
      : []),
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Who runs the monthly S&OP cycle here. Due days are days of the cycle month (31 means the last day). Families, KPI targets and schedules stay as they are — `sop config import` edits those.",
      },
    },
    users(SETUP_INPUTS.admins, "Admins (start cycles, change this setup)", input.admins),
    channel(SETUP_INPUTS.sopChannel, "S&OP channel (kickoff, sign-off requests)", input.sopChannel),
    channel(SETUP_INPUTS.execChannel, "Executive channel (weekly digest)", input.execChannel),
    {
      type: "input",
      block_id: SETUP_INPUTS.timezone.block,
      label: { type: "plain_text", text: "Time zone (IANA, e.g. Europe/Berlin)" },
      element: {
        type: "plain_text_input",
        action_id: SETUP_INPUTS.timezone.action,
        initial_value: input.timezone,
        max_length: 64,
      },
    },
  ];
  const room = SETUP_MAX_BLOCKS - head.length - 1;
  const withHeadings = input.phases.length * 4 <= room;
  const perPhase = withHeadings ? 4 : 3;
  const shown = input.phases.slice(0, Math.floor(room / perPhase));
  const phaseBlocks: KnownBlock[] = [];
  shown.forEach((p, i) => {
    const title = `${i + 1}. ${p.name}`;
    if (withHeadings) {
      phaseBlocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(truncate(title, 200))}* (\`${p.id}\`)` },
      });
    }
    const prefix = withHeadings ? "" : `${truncate(title, 60)} — `;
    phaseBlocks.push(users(SETUP_INPUTS.phaseOwners(p.id), `${prefix}Owners (submit the plan)`, p.owners));
    phaseBlocks.push(users(SETUP_INPUTS.phaseApprovers(p.id), `${prefix}Approvers (sign off)`, p.approvers));
    phaseBlocks.push({
      type: "input",
      block_id: SETUP_INPUTS.phaseDueDay(p.id).block,
      label: { type: "plain_text", text: `${prefix}Due day of the month` },
      element: {
        type: "number_input",
        action_id: SETUP_INPUTS.phaseDueDay(p.id).action,
        is_decimal_allowed: false,
        min_value: "1",
        max_value: "31",
        initial_value: String(p.dueDay),
      },
    });
  });
  const tail: KnownBlock[] = [];
  if (shown.length < input.phases.length) {
    tail.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `${input.phases.length - shown.length} more phases are not shown here and stay as they are; edit them with \`sop config import\`.`,
        },
      ],
    });
  }
  return {
    type: "modal",
    callback_id: CYCLE_VIEWS.setup,
    title: { type: "plain_text", text: "S&OP setup" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: encodeSetupMeta(input.revision),
    blocks: [...head, ...phaseBlocks, ...tail].slice(0, SETUP_MAX_BLOCKS),
  };
}

/**
 * The form that logs a decision or an action item: what, who owns it, by when, and which phase of the
 * cycle it belongs to. Opened by `/sop decide`, `/sop action` (the kind fixed, filled from the words
 * typed after it) and the message shortcut (the kind chosen, the text and a link from the message).
 */
import type { ModalView, PlainTextOption } from "@slack/types";
import type { CycleState } from "../src/cycle/cycle-state.ts";
import type { ItemKind } from "../src/decisions/item.ts";
import { MAX_ITEM_TEXT } from "../src/decisions/new-item.ts";
import { encodeItemMeta, ITEM_IDS, ITEM_INPUTS, type ItemModalMeta } from "./item-ids.ts";
import type { KnownBlock } from "./message.ts";
import { truncate } from "./text.ts";

export interface ItemModalInput {
  cycle: CycleState;
  meta: ItemModalMeta;
  text: string;
  owner: string | null;
  dueDate: string | null;
  phase: string | null;
}

const TITLE: Record<ItemKind | "either", string> = {
  decision: "Log S&OP decision",
  action: "Log action item",
  either: "Log decision / action",
};

const KIND_OPTIONS: PlainTextOption[] = [
  { text: { type: "plain_text", text: "Decision (on record)" }, value: "decision" },
  { text: { type: "plain_text", text: "Action item (owner, due date)" }, value: "action" },
];

export function itemModal(input: ItemModalInput): ModalView {
  const { cycle, meta } = input;
  const kind = meta.kind;
  const phases: PlainTextOption[] = cycle.order.slice(0, 100).map((id) => ({
    text: { type: "plain_text", text: truncate(cycle.phases[id]!.name, 75) },
    value: id,
  }));
  const initialPhase = phases.find((o) => o.value === input.phase);
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Cycle *${cycle.period}*. Decisions go on record in the S&OP report; action items get reminders and are closed by their owner.${meta.permalink ? ` <${meta.permalink}|The message it comes from> is linked.` : ""}`,
        },
      ],
    },
  ];
  if (kind === null)
    blocks.push({
      type: "input",
      block_id: ITEM_INPUTS.kind.block,
      label: { type: "plain_text", text: "Log as" },
      element: {
        type: "radio_buttons",
        action_id: ITEM_INPUTS.kind.action,
        options: KIND_OPTIONS,
        initial_option: KIND_OPTIONS[0],
      },
    });
  const text = truncate(input.text.trim(), MAX_ITEM_TEXT);
  blocks.push(
    {
      type: "input",
      block_id: ITEM_INPUTS.text.block,
      label: { type: "plain_text", text: kind === "action" ? "What is to be done" : "What was decided" },
      element: {
        type: "plain_text_input",
        action_id: ITEM_INPUTS.text.action,
        multiline: true,
        max_length: MAX_ITEM_TEXT,
        ...(text ? { initial_value: text } : {}),
      },
    },
    {
      type: "input",
      block_id: ITEM_INPUTS.owner.block,
      optional: kind !== "action",
      label: { type: "plain_text", text: "Owner" },
      hint: { type: "plain_text", text: "Required for an action item: only the owner can close it." },
      element: {
        type: "users_select",
        action_id: ITEM_INPUTS.owner.action,
        ...(input.owner ? { initial_user: input.owner } : {}),
      },
    },
    {
      type: "input",
      block_id: ITEM_INPUTS.dueDate.block,
      optional: kind !== "action",
      label: { type: "plain_text", text: "Due date" },
      hint: {
        type: "plain_text",
        text: "Required for an action item; the owner is reminded from the day before.",
      },
      element: {
        type: "datepicker",
        action_id: ITEM_INPUTS.dueDate.action,
        ...(input.dueDate ? { initial_date: input.dueDate } : {}),
      },
    },
    {
      type: "input",
      block_id: ITEM_INPUTS.phase.block,
      label: { type: "plain_text", text: "Phase" },
      element: {
        type: "static_select",
        action_id: ITEM_INPUTS.phase.action,
        options: phases,
        ...(initialPhase ? { initial_option: initialPhase } : {}),
      },
    },
  );
  return {
    type: "modal",
    callback_id: ITEM_IDS.modal,
    title: { type: "plain_text", text: TITLE[kind ?? "either"] },
    submit: { type: "plain_text", text: "Log" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: encodeItemMeta(meta),
    blocks,
  };
}

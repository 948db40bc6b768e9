/** The decision / action item form's state as Slack sends it on submit (the tests and the demo fill it). */
import { ITEM_INPUTS } from "../../views/item-ids.ts";

type Values = Record<string, Record<string, Record<string, unknown>>>;

export function itemFormValues(v: {
  text: string;
  owner?: string | null;
  due?: string | null;
  phase?: string;
  kind?: "decision" | "action";
}): Values {
  const phase = v.phase ?? "supply";
  const values: Values = {
    [ITEM_INPUTS.text.block]: { [ITEM_INPUTS.text.action]: { type: "plain_text_input", value: v.text } },
    [ITEM_INPUTS.owner.block]: {
      [ITEM_INPUTS.owner.action]: { type: "users_select", selected_user: v.owner ?? null },
    },
    [ITEM_INPUTS.dueDate.block]: {
      [ITEM_INPUTS.dueDate.action]: { type: "datepicker", selected_date: v.due ?? null },
    },
    [ITEM_INPUTS.phase.block]: {
      [ITEM_INPUTS.phase.action]: {
        type: "static_select",
        selected_option: { text: { type: "plain_text", text: phase }, value: phase },
      },
    },
  };
  if (v.kind)
    values[ITEM_INPUTS.kind.block] = {
      [ITEM_INPUTS.kind.action]: {
        type: "radio_buttons",
        selected_option: { text: { type: "plain_text", text: v.kind }, value: v.kind },
      },
    };
  return values;
}

/** The `/sop import` modal: pick the kind of actuals, then paste CSV text or upload a CSV file. */
import type { ModalView, PlainTextOption } from "@slack/types";
import { ACTUALS_KINDS, type ActualsKind, KIND_SPECS } from "../src/actuals/kinds.ts";

export const IMPORT_VIEW = "sop_import_actuals";

/** block_id → action_id of the modal's inputs. */
export const IMPORT_INPUTS = {
  kind: { block: "import_kind", action: "kind" },
  csv: { block: "import_csv", action: "csv" },
  file: { block: "import_file", action: "file" },
} as const;

const LABELS: Record<ActualsKind, string> = {
  orders: "Orders (orders.csv)",
  demand: "Demand: forecast vs actual (demand.csv)",
  production: "Production: plan, actual, capacity (production.csv)",
  inventory: "Inventory on hand (inventory.csv)",
};

export interface ImportMeta {
  /** Where `/sop import` was run: the result is posted there, ephemerally. */
  channel: string | null;
}

export function encodeImportMeta(m: ImportMeta): string {
  return JSON.stringify({ c: m.channel });
}

/** private_metadata comes back from the client: anything malformed is ignored. */
export function decodeImportMeta(raw: unknown): ImportMeta {
  try {
    const o = JSON.parse(typeof raw === "string" ? raw : "") as { c?: unknown };
    return { channel: typeof o.c === "string" && /^[CGD][A-Z0-9]{2,}$/.test(o.c) ? o.c : null };
  } catch {
    return { channel: null };
  }
}

const option = (kind: ActualsKind): PlainTextOption => ({
  text: { type: "plain_text", text: LABELS[kind] },
  value: kind,
});

export function importModal(opts: { channel: string | null; kind?: ActualsKind }): ModalView {
  const columns = ACTUALS_KINDS.map((k) => `*${k}*: \`${KIND_SPECS[k].columns.join(",")}\``).join("\n");
  return {
    type: "modal",
    callback_id: IMPORT_VIEW,
    title: { type: "plain_text", text: "Import actuals" },
    submit: { type: "plain_text", text: "Import" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: encodeImportMeta({ channel: opts.channel }),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `One CSV file per kind, with a header line:\n${columns}\nDates \`YYYY-MM-DD\`; periods \`YYYY-MM\` or ISO weeks \`YYYY-Www\`; \`delivered_date\` empty while an order is open. Rows already loaded are updated (matched on order id, family + period, family + date), never counted twice. Nothing is stored if any line is wrong.`,
        },
      },
      {
        type: "input",
        block_id: IMPORT_INPUTS.kind.block,
        label: { type: "plain_text", text: "What are you importing?" },
        element: {
          type: "static_select",
          action_id: IMPORT_INPUTS.kind.action,
          placeholder: { type: "plain_text", text: "Choose a kind" },
          options: ACTUALS_KINDS.map(option),
          ...(opts.kind ? { initial_option: option(opts.kind) } : {}),
        },
      },
      {
        type: "input",
        block_id: IMPORT_INPUTS.csv.block,
        optional: true,
        label: { type: "plain_text", text: "Paste CSV" },
        element: {
          type: "plain_text_input",
          action_id: IMPORT_INPUTS.csv.action,
          multiline: true,
          max_length: 3000,
          placeholder: { type: "plain_text", text: "header line, then one row per line" },
        },
      },
      {
        type: "input",
        block_id: IMPORT_INPUTS.file.block,
        optional: true,
        label: { type: "plain_text", text: "…or upload a CSV file" },
        element: {
          type: "file_input",
          action_id: IMPORT_INPUTS.file.action,
          filetypes: ["csv", "txt"],
          max_files: 1,
        },
      },
    ],
  };
}

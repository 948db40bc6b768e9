/**
 * The import modal's Submit: the kind and the CSV (pasted, or an uploaded file fetched with the bot token
 * via files.info) are checked before the ack, so line-numbered problems show under the input and nothing
 * is stored; good rows are stored after the ack and the result comes as an ephemeral message where
 * `/sop import` was run (else by DM). Uploads too large to check within Slack's 3 s switch the modal to a
 * progress view and show the outcome there when done.
 */

import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { requireImportAccess } from "../../src/actuals/import-access.ts";
import { checkActuals, type ImportResult, storeActuals } from "../../src/actuals/import-actuals.ts";
import { type ActualsKind, isActualsKind, KIND_SPECS } from "../../src/actuals/kinds.ts";
import { UserError } from "../../src/errors.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { decodeImportMeta, IMPORT_INPUTS, IMPORT_VIEW } from "../../views/import-modal.ts";
import {
  importOutcomeModal,
  importProgressModal,
  importResultMessage,
  problemsText,
} from "../../views/import-result.ts";
import type { Message } from "../../views/message.ts";
import { notice } from "../../views/notice.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { type ListenerContext, wrapViewSubmission } from "../listener.ts";
import { downloadCsv, slackError, type UploadLimit, uploadInfo } from "./slack-upload.ts";
import { fileIds, stateOf, textValue } from "./view-values.ts";

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Uploads up to this size are checked before the ack (well inside 3 s). */
const SYNC_LIMIT_BYTES = 512 * 1024;

const UPLOAD_LIMIT: UploadLimit = {
  maxBytes: MAX_UPLOAD_BYTES,
  tooLarge: (name) => `${name} is larger than 50 MB; use the command line (\`sop import\`).`,
};

/** The result as an ephemeral message where the modal was opened, else by DM. */
async function tell(ctx: ListenerContext, channel: string | null, message: Message) {
  if (channel) {
    try {
      await ctx.client.chat.postEphemeral({ channel, user: ctx.userId, ...message });
      return;
    } catch (err) {
      ctx.log.info({ err: slackError(err) }, "ephemeral result not delivered; sending a DM");
    }
  }
  await ctx.reply(message);
}

async function check(kind: ActualsKind, csv: string, cfg: TeamConfig): Promise<unknown[]> {
  return checkActuals(kind, csv, cfg.families);
}

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(IMPORT_VIEW);
  app.view(
    IMPORT_VIEW,
    wrapViewSubmission(deps, { errorBlockId: IMPORT_INPUTS.csv.block }, async (ctx) => {
      const meta = decodeImportMeta(ctx.view.private_metadata);
      const values = stateOf(ctx.view);
      const errorsAt = (block: string, text: string) => ({
        ack: { response_action: "errors", errors: { [block]: text } },
      });
      const cfg = await requireTeamConfig(ctx.teamId);
      requireImportAccess(cfg, ctx.userId);
      const kind = (
        values[IMPORT_INPUTS.kind.block]?.[IMPORT_INPUTS.kind.action]?.selected_option as
          | { value?: unknown }
          | undefined
      )?.value;
      if (typeof kind !== "string" || !isActualsKind(kind))
        return errorsAt(IMPORT_INPUTS.kind.block, "Choose what you are importing.");
      const pasted = textValue(values, IMPORT_INPUTS.csv);
      const files = fileIds(values, IMPORT_INPUTS.file);
      if (pasted.trim() && files.length)
        return errorsAt(IMPORT_INPUTS.file.block, "Paste the CSV or upload a file, not both.");
      if (!pasted.trim() && !files.length)
        return errorsAt(
          IMPORT_INPUTS.csv.block,
          `Paste ${KIND_SPECS[kind].fileName} here, or upload it below.`,
        );
      const block = files.length ? IMPORT_INPUTS.file.block : IMPORT_INPUTS.csv.block;
      const store = async (rows: unknown[], source: string): Promise<ImportResult> => {
        const result = await storeActuals(ctx.teamId, kind, rows);
        ctx.log.info({ ...result, source }, "actuals imported");
        return result;
      };

      let rows: unknown[];
      let source: string;
      try {
        const file = files.length ? await uploadInfo(ctx.client, files[0]!, UPLOAD_LIMIT) : null;
        if (file && file.size > SYNC_LIMIT_BYTES) {
          return {
            ack: { response_action: "update", view: importProgressModal(file.name, file.size) },
            after: async () => {
              const show = (view: ModalView) =>
                ctx.client.views.update({ view_id: ctx.view.id, view }).catch((err) => {
                  ctx.log.warn({ err: slackError(err) }, "could not show the import's outcome in the modal");
                });
              try {
                const result = await store(
                  await check(kind, await downloadCsv(file, ctx.client, 60_000, UPLOAD_LIMIT), cfg),
                  file.name,
                );
                const message = importResultMessage(result, file.name);
                await show(importOutcomeModal({ ok: true, text: message.text }));
                await tell(ctx, meta.channel, message);
              } catch (err) {
                if (!(err instanceof UserError)) throw err;
                await show(importOutcomeModal({ ok: false, message: err.message, details: err.details }));
                await ctx.reply(notice(problemsText(err.message, err.details, 2900)));
              }
            },
          };
        }
        const csv = file ? await downloadCsv(file, ctx.client, 2000, UPLOAD_LIMIT) : pasted;
        source = file ? file.name : "pasted text";
        rows = await check(kind, csv, cfg);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        return errorsAt(block, problemsText(err.message, err.details));
      }
      return {
        after: async () => tell(ctx, meta.channel, importResultMessage(await store(rows, source), source)),
      };
    }),
  );
}

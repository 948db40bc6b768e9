/**
 * The import modal's Submit: the kind and a pasted CSV are checked before the ack, so line-numbered
 * problems show under the input and nothing is stored; good rows are stored after the ack and the result
 * comes as an ephemeral message where `/sop import` was run (else by DM). An uploaded file is never fetched
 * before the ack: the modal turns into a progress view at once, and the file is fetched with the
 * workspace's token, checked and stored after it, the outcome shown in the modal and sent as a message.
 */

import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { requireImportAccess } from "../../src/actuals/import-access.ts";
import { checkActuals, storeActuals } from "../../src/actuals/import-actuals.ts";
import { type ActualsKind, isActualsKind, KIND_SPECS } from "../../src/actuals/kinds.ts";
import { UserError } from "../../src/errors.ts";
import { logFailure } from "../../src/logger.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { decodeImportMeta, IMPORT_INPUTS, IMPORT_VIEW, type ImportMeta } from "../../views/import-modal.ts";
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
import { type ListenerContext, modalErrors, type ViewOutcome, wrapViewSubmission } from "../listener.ts";
import { slackErrorText } from "../next-step.ts";
import { downloadCsv, type UploadLimit, uploadInfo } from "./slack-upload.ts";
import { fileIds, stateOf, textValue } from "./view-values.ts";

/** Slack's file input takes files up to 10 MB; larger feeds go through the command line. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const UPLOAD_LIMIT: UploadLimit = {
  maxBytes: MAX_UPLOAD_BYTES,
  tooLarge: (name) => `${name} is larger than 10 MB; use the command line (\`sop import\`).`,
};

/** The result as an ephemeral message where the modal was opened, else by DM. */
async function tell(ctx: ListenerContext, channel: string | null, message: Message) {
  if (channel) {
    try {
      await ctx.client.chat.postEphemeral({ channel, user: ctx.userId, ...message });
      return;
    } catch (err) {
      logFailure(ctx.log, err, "ephemeral result not delivered; sending a DM", { channel }, "warn");
    }
  }
  await ctx.reply(message);
}

async function store(ctx: ListenerContext, kind: ActualsKind, rows: unknown[], source: string) {
  const result = await ctx.commit(`the ${kind} import from ${source}`, () =>
    storeActuals(ctx.teamId, kind, rows),
  );
  ctx.log.info({ ...result, source }, "actuals imported");
  return result;
}

/** An uploaded file: progress view at once; fetched, checked and stored after the ack. */
function importUpload(ctx: ImportContext, kind: ActualsKind, fileId: string, meta: ImportMeta): ViewOutcome {
  const show = (view: ModalView) =>
    ctx.client.views.update({ view_id: ctx.view.id, view }).catch((err) => {
      logFailure(ctx.log, err, "could not show the import's outcome in the modal", {}, "warn");
    });
  return {
    ack: { response_action: "update", view: importProgressModal(kind) },
    after: async () => {
      try {
        const cfg = await requireTeamConfig(ctx.teamId);
        requireImportAccess(cfg, ctx.userId);
        const file = await uploadInfo(ctx.client, fileId, UPLOAD_LIMIT);
        const csv = await downloadCsv(file, ctx.client, 60_000, UPLOAD_LIMIT);
        const result = await store(ctx, kind, await checkActuals(kind, csv, cfg.families), file.name);
        const message = importResultMessage(result, file.name);
        await show(importOutcomeModal({ ok: true, text: message.text }));
        await tell(ctx, meta.channel, message);
      } catch (err) {
        if (!(err instanceof UserError) || ctx.record.status !== "none") throw err;
        await show(importOutcomeModal({ ok: false, message: slackErrorText(err), details: err.details }));
        await ctx.reply(notice(problemsText(slackErrorText(err), err.details, 2900)));
      }
    },
  };
}

type ImportContext = Parameters<Parameters<typeof wrapViewSubmission>[2]>[0];

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(IMPORT_VIEW);
  app.view(
    IMPORT_VIEW,
    wrapViewSubmission(deps, { errorBlockId: IMPORT_INPUTS.csv.block }, async (ctx) => {
      const meta = decodeImportMeta(ctx.view.private_metadata);
      const values = stateOf(ctx.view);
      const kind = (
        values[IMPORT_INPUTS.kind.block]?.[IMPORT_INPUTS.kind.action]?.selected_option as
          | { value?: unknown }
          | undefined
      )?.value;
      if (typeof kind !== "string" || !isActualsKind(kind))
        return modalErrors(IMPORT_INPUTS.kind.block, "Choose what you are importing.");
      const pasted = textValue(values, IMPORT_INPUTS.csv);
      const files = fileIds(values, IMPORT_INPUTS.file);
      if (pasted.trim() && files.length)
        return modalErrors(IMPORT_INPUTS.file.block, "Paste the CSV or upload a file, not both.");
      if (!pasted.trim() && !files.length)
        return modalErrors(
          IMPORT_INPUTS.csv.block,
          `Paste ${KIND_SPECS[kind].fileName} here, or upload it below.`,
        );
      if (files.length) return importUpload(ctx, kind, files[0]!, meta);
      let rows: unknown[];
      try {
        const cfg = await requireTeamConfig(ctx.teamId);
        requireImportAccess(cfg, ctx.userId);
        rows = await checkActuals(kind, pasted, cfg.families);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        return modalErrors(IMPORT_INPUTS.csv.block, problemsText(slackErrorText(err), err.details));
      }
      return {
        after: async () =>
          tell(
            ctx,
            meta.channel,
            importResultMessage(await store(ctx, kind, rows, "pasted text"), "pasted text"),
          ),
      };
    }),
  );
}

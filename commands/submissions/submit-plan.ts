/**
 * The submit modal's Submit: everything is checked again on the server (private_metadata is untrusted),
 * the CSV comes from the paste box or the uploaded file (fetched with the bot token via files.info),
 * bad lines come back in the modal, and a stored version gets its sign-off request after the ack.
 * A large upload (more than SYNC_LIMIT_BYTES) cannot be checked inside Slack's 3 s: the modal switches to
 * a progress view at once and shows the result (or the bad lines) when done, also by DM.
 */

import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { isPeriod } from "../../src/cycle/period.ts";
import {
  checkSubmission,
  PlanRejectedError,
  type SubmissionTarget,
  submitPlan,
} from "../../src/cycle/submit-plan.ts";
import { UserError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { formatProblem } from "../../src/plans/plan-csv.ts";
import { CYCLE_VIEWS, decodeSubmitMeta, SUBMIT_INPUTS, type SubmitMeta } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { planProblemsMessage } from "../../views/plan-problems.ts";
import { planProcessingModal, planResultModal } from "../../views/submit-modal.ts";
import { announceSubmission, Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { type ListenerContext, wrapViewSubmission } from "../listener.ts";
import { downloadCsv, slackError, type UploadLimit, uploadInfo } from "./slack-upload.ts";
import { fileIds, stateOf, textValue } from "./view-values.ts";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Uploads up to this size are checked before the ack, so their errors show under the input. */
export const SYNC_LIMIT_BYTES = 512 * 1024;
/** How much of the problem list fits under a modal input before "…and N more". */
const MODAL_PROBLEMS = 8;
const MODAL_ERROR_CHARS = 1800;

const UPLOAD_LIMIT: UploadLimit = {
  maxBytes: MAX_UPLOAD_BYTES,
  tooLarge: (name) => `${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
};

/** The error text under the input: the first problems, then a count (the full list goes by DM). */
function modalErrorText(err: UserError): { text: string; truncated: boolean } {
  let text = err.message;
  let shown = 0;
  for (const d of err.details.slice(0, MODAL_PROBLEMS)) {
    if (text.length + d.length + 3 > MODAL_ERROR_CHARS) break;
    text += `\n• ${d}`;
    shown += 1;
  }
  const truncated = shown < err.details.length;
  if (truncated) text += `\n…and ${err.details.length - shown} more (the full list is in your DMs).`;
  return { text, truncated };
}

async function dmAllProblems(
  client: WebClient,
  log: Logger,
  userId: string,
  meta: SubmitMeta,
  err: PlanRejectedError,
) {
  await dm(
    client,
    new Deliveries(log),
    [userId],
    planProblemsMessage(
      `Your ${meta.phase} plan for ${meta.period} was not accepted; nothing was stored. Every problem:`,
      err.problems.map(formatProblem),
    ),
  );
}

type Submitted = Awaited<ReturnType<typeof submitPlan>>;

/** After a stored version: the sign-off request in the channel, and a receipt to the submitter. */
async function announce(ctx: ListenerContext, result: Submitted, at: Date): Promise<void> {
  const d = new Deliveries(ctx.log);
  await announceSubmission(ctx.client, d, result.cfg, result.cycle, result.phase, result.version, at);
  await dm(
    ctx.client,
    d,
    [ctx.userId],
    notice(
      `:inbox_tray: Stored *v${result.version}* of *${result.phase.name}* for ${result.cycle.period} (${result.summary.rows} lines, ${result.summary.families} families). The sign-off request is in <#${result.cfg.channels.sop}>.${d.note()}`,
    ),
  );
}

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(CYCLE_VIEWS.submitPlan);
  app.view(
    CYCLE_VIEWS.submitPlan,
    wrapViewSubmission(deps, { errorBlockId: SUBMIT_INPUTS.csv.block }, async (ctx) => {
      const meta = decodeSubmitMeta(ctx.view.private_metadata);
      if (!meta || !isPeriod(meta.period)) {
        throw new UserError("stale", "This form is out of date. Close it and run `/sop submit PHASE` again.");
      }
      const values = stateOf(ctx.view);
      const pasted = textValue(values, SUBMIT_INPUTS.csv);
      const files = fileIds(values, SUBMIT_INPUTS.file);
      const comment = textValue(values, SUBMIT_INPUTS.comment);
      const errorsAt = (block: string, text: string) => ({
        ack: { response_action: "errors", errors: { [block]: text } },
      });
      if (pasted.trim() && files.length) {
        return errorsAt(SUBMIT_INPUTS.file.block, "Paste the CSV or upload a file, not both.");
      }
      if (!pasted.trim() && !files.length) {
        return errorsAt(SUBMIT_INPUTS.csv.block, "Paste the plan as CSV here, or upload a CSV file below.");
      }
      const block = files.length ? SUBMIT_INPUTS.file.block : SUBMIT_INPUTS.csv.block;
      const at = ctx.deps.clock.now();
      const submit = (csv: string, fileName: string | null, checked?: SubmissionTarget) =>
        submitPlan(
          {
            teamId: ctx.teamId,
            period: meta.period,
            phase: meta.phase,
            by: ctx.userId,
            at,
            csv,
            comment,
            expectedVersion: meta.version,
            source: fileName ? "slack-file" : "slack-paste",
            fileName,
            checked,
          },
          ctx.log,
        );

      let result: Submitted;
      try {
        // Who and what first (cheap), so a refused user never waits for a download.
        const checked = await checkSubmission(
          ctx.teamId,
          meta.period,
          meta.phase,
          ctx.userId,
          undefined,
          meta.version,
        );
        const file = files.length ? await uploadInfo(ctx.client, files[0]!, UPLOAD_LIMIT) : null;
        if (file && file.size > SYNC_LIMIT_BYTES) {
          return {
            ack: {
              response_action: "update",
              view: planProcessingModal({
                phaseName: checked.phase.name,
                period: meta.period,
                fileName: file.name,
                bytes: file.size,
              }),
            },
            after: async () => {
              const show = (view: ModalView) =>
                ctx.client.views.update({ view_id: ctx.view.id, view }).catch((err) => {
                  ctx.log.warn({ err: slackError(err) }, "could not show the upload's result in the modal");
                });
              try {
                const done = await submit(
                  await downloadCsv(file, ctx.client, 30_000, UPLOAD_LIMIT),
                  file.name,
                );
                await show(
                  planResultModal({
                    ok: true,
                    phaseName: done.phase.name,
                    period: done.cycle.period,
                    version: done.version,
                    rows: done.summary.rows,
                    families: done.summary.families,
                    channel: done.cfg.channels.sop,
                  }),
                );
                await announce(ctx, done, at);
              } catch (err) {
                if (!(err instanceof UserError)) throw err;
                await show(planResultModal({ ok: false, message: err.message, problems: err.details }));
                if (err instanceof PlanRejectedError)
                  await dmAllProblems(ctx.client, ctx.log, ctx.userId, meta, err);
                else
                  await dm(
                    ctx.client,
                    new Deliveries(ctx.log),
                    [ctx.userId],
                    notice(`:warning: ${err.message}`),
                  );
              }
            },
          };
        }
        const csv = file ? await downloadCsv(file, ctx.client, 2000, UPLOAD_LIMIT) : pasted;
        // A paste is checked and stored in the same breath; a download took time, so check again.
        result = await submit(csv, file?.name ?? null, file ? undefined : checked);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        const { text, truncated } = modalErrorText(err);
        const outcome = errorsAt(block, text);
        if (!(err instanceof PlanRejectedError) || !truncated) return outcome;
        return { ...outcome, after: () => dmAllProblems(ctx.client, ctx.log, ctx.userId, meta, err) };
      }
      return { after: () => announce(ctx, result, at) };
    }),
  );
}

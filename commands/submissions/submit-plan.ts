/**
 * The submit modal's Submit: everything is checked again on the server (private_metadata is untrusted).
 * A pasted CSV is checked before the ack, so its bad lines show in the modal; it is stored after the ack
 * and gets its sign-off request. An uploaded file is never fetched before the ack (with real network
 * latency that could pass Slack's 3 s): the modal turns into a progress view at once, and the file is
 * fetched with the workspace's token, checked and stored after it, the result (or the bad lines) shown
 * in the modal and sent by DM.
 */

import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { isPeriod } from "../../src/cycle/period.ts";
import {
  checkSubmission,
  PlanRejectedError,
  type SubmissionTarget,
  submissionScenario,
  submitPlan,
} from "../../src/cycle/submit-plan.ts";
import { UserError } from "../../src/errors.ts";
import { type Logger, logFailure } from "../../src/logger.ts";
import { formatProblem, parsePlanCsv, planRulesFor } from "../../src/plans/plan-csv.ts";
import { CYCLE_VIEWS, decodeSubmitMeta, SUBMIT_INPUTS, type SubmitMeta } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { planProblemsMessage } from "../../views/plan-problems.ts";
import { planProcessingModal, planResultModal } from "../../views/submit-modal.ts";
import { announceSubmission, Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { type ListenerContext, modalErrors, type ViewOutcome, wrapViewSubmission } from "../listener.ts";
import { slackErrorText } from "../next-step.ts";
import { downloadPlanFile, type UploadLimit, uploadInfo } from "./slack-upload.ts";
import { fileIds, stateOf, textValue } from "./view-values.ts";

/** Slack's file input takes files up to 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** How much of the problem list fits under a modal input before "…and N more". */
const MODAL_PROBLEMS = 8;
const MODAL_ERROR_CHARS = 1800;

const UPLOAD_LIMIT: UploadLimit = {
  maxBytes: MAX_UPLOAD_BYTES,
  tooLarge: (name) => `${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
};

/** The error text under the input: the first problems, then a count (the full list goes by DM). */
function modalErrorText(err: UserError): { text: string; truncated: boolean } {
  let text = slackErrorText(err);
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

/** An uploaded file: the modal turns into a progress view at once; fetched, checked and stored after. */
function submitUpload(ctx: SubmitContext, meta: SubmitMeta, fileId: string, at: Date): ViewOutcome {
  const show = (view: ModalView) =>
    ctx.client.views.update({ view_id: ctx.view.id, view }).catch((err) => {
      logFailure(ctx.log, err, "could not show the upload's result in the modal", {}, "warn");
    });
  return {
    ack: { response_action: "update", view: planProcessingModal({ phase: meta.phase, period: meta.period }) },
    after: async () => {
      try {
        const checked = await checkSubmission(
          ctx.teamId,
          meta.period,
          meta.phase,
          ctx.userId,
          undefined,
          meta.version,
        );
        const file = await uploadInfo(ctx.client, fileId, UPLOAD_LIMIT);
        const content = await downloadPlanFile(file, ctx.client, 30_000, UPLOAD_LIMIT);
        const done = await ctx.commit(
          `v${meta.version + 1} of ${checked.phase.name} for ${meta.period}`,
          () => submit(ctx, meta, at, content, file.name),
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
        if (!(err instanceof UserError) || ctx.record.status !== "none") throw err;
        await show(planResultModal({ ok: false, message: slackErrorText(err), problems: err.details }));
        if (err instanceof PlanRejectedError) await dmAllProblems(ctx.client, ctx.log, ctx.userId, meta, err);
        else
          await dm(
            ctx.client,
            new Deliveries(ctx.log),
            [ctx.userId],
            notice(`:warning: ${slackErrorText(err)}`),
          );
      }
    },
  };
}

type SubmitContext = Parameters<Parameters<typeof wrapViewSubmission>[2]>[0];

function submit(
  ctx: SubmitContext,
  meta: SubmitMeta,
  at: Date,
  content: { csv: string } | { xlsx: Uint8Array },
  fileName: string | null,
  checked?: SubmissionTarget,
) {
  return submitPlan(
    {
      teamId: ctx.teamId,
      period: meta.period,
      phase: meta.phase,
      by: ctx.userId,
      at,
      ...content,
      comment: textValue(stateOf(ctx.view), SUBMIT_INPUTS.comment),
      scenario: textValue(stateOf(ctx.view), SUBMIT_INPUTS.scenario),
      expectedVersion: meta.version,
      source: fileName ? "slack-file" : "slack-paste",
      fileName,
      checked,
    },
    ctx.log,
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
      if (pasted.trim() && files.length)
        return modalErrors(SUBMIT_INPUTS.file.block, "Paste the CSV or upload a file, not both.");
      if (!pasted.trim() && !files.length)
        return modalErrors(
          SUBMIT_INPUTS.csv.block,
          "Paste the plan as CSV here, or upload a CSV file below.",
        );
      const at = ctx.deps.clock.now();
      if (files.length) return submitUpload(ctx, meta, files[0]!, at);

      // A paste (at most 3,000 characters) is checked before the ack, so its problems show in the modal;
      // storing it is the work after the ack.
      let checked: SubmissionTarget;
      try {
        checked = await checkSubmission(
          ctx.teamId,
          meta.period,
          meta.phase,
          ctx.userId,
          undefined,
          meta.version,
        );
        try {
          submissionScenario(checked.cycle, checked.phase, textValue(values, SUBMIT_INPUTS.scenario));
        } catch (err) {
          if (err instanceof UserError) return modalErrors(SUBMIT_INPUTS.scenario.block, slackErrorText(err));
          throw err;
        }
        const parsed = parsePlanCsv(pasted, planRulesFor(checked.cfg, meta.phase, meta.period));
        if (!parsed.ok) throw new PlanRejectedError(parsed.problems);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        const { text, truncated } = modalErrorText(err);
        const outcome = modalErrors(SUBMIT_INPUTS.csv.block, text);
        if (!(err instanceof PlanRejectedError) || !truncated) return outcome;
        return { ...outcome, after: () => dmAllProblems(ctx.client, ctx.log, ctx.userId, meta, err) };
      }
      return {
        after: async () => {
          const done = await ctx.commit(
            `v${meta.version + 1} of ${checked.phase.name} for ${meta.period}`,
            () => submit(ctx, meta, at, { csv: pasted }, null, checked),
          );
          await announce(ctx, done, at);
        },
      };
    }),
  );
}

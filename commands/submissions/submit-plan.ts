/**
 * The submit modal's Submit: everything is checked again on the server (private_metadata is untrusted),
 * the CSV comes from the paste box or the uploaded file (fetched with the bot token via files.info),
 * bad lines come back in the modal, and a stored version gets its sign-off request after the ack.
 */
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isPeriod } from "../../src/cycle/period.ts";
import { PlanRejectedError, submitPlan } from "../../src/cycle/submit-plan.ts";
import { UserError } from "../../src/errors.ts";
import { decodeCsvBytes, formatProblem } from "../../src/plans/plan-csv.ts";
import { CYCLE_VIEWS, decodeSubmitMeta, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import { notice } from "../../views/notice.ts";
import { planProblemsMessage } from "../../views/plan-problems.ts";
import { announceSubmission, Deliveries, dm } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { wrapViewSubmission } from "../listener.ts";
import { fileIds, stateOf, textValue } from "./view-values.ts";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** How much of the problem list fits under a modal input before "…and N more". */
const MODAL_PROBLEMS = 8;
const MODAL_ERROR_CHARS = 1800;

async function downloadCsv(
  client: WebClient,
  token: string,
  fileId: string,
): Promise<{ text: string; name: string }> {
  const info = await client.files.info({ file: fileId }).catch((err) => {
    throw new UserError(
      "bad_input",
      `The uploaded file cannot be read (${(err as { data?: { error?: string } }).data?.error ?? "files.info failed"}). Upload it again.`,
    );
  });
  const file = info.file;
  const url = file?.url_private_download;
  const name = file?.name ?? fileId;
  if (!url) throw new UserError("bad_input", "The uploaded file has no download link; upload it again.");
  if ((file?.size ?? 0) > MAX_UPLOAD_BYTES) {
    throw new UserError("bad_input", `${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(2000),
  }).catch(() => null);
  if (!res?.ok)
    throw new UserError("bad_input", `${name} could not be downloaded from Slack; upload it again.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UserError("bad_input", `${name} is larger than 20 MB.`);
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new UserError("bad_input", `${name}: ${decoded.problem}`);
  return { text: decoded.text, name };
}

/** The error text under the input: the first problems, then a count (the full list goes by DM). */
function modalErrorText(err: UserError): { text: string; truncated: boolean } {
  const details = err.details;
  let text = err.message;
  let shown = 0;
  for (const d of details.slice(0, MODAL_PROBLEMS)) {
    if (text.length + d.length + 3 > MODAL_ERROR_CHARS) break;
    text += `\n• ${d}`;
    shown += 1;
  }
  const truncated = shown < details.length;
  if (truncated) text += `\n…and ${details.length - shown} more (the full list is in your DMs).`;
  return { text, truncated };
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
      let result: Awaited<ReturnType<typeof submitPlan>>;
      try {
        const source = files.length
          ? await downloadCsv(ctx.client, ctx.client.token ?? ctx.deps.env.SLACK_BOT_TOKEN, files[0]!)
          : { text: pasted, name: null };
        result = await submitPlan(
          {
            teamId: ctx.teamId,
            period: meta.period,
            phase: meta.phase,
            by: ctx.userId,
            at,
            csv: source.text,
            comment,
            expectedVersion: meta.version,
            source: files.length ? "slack-file" : "slack-paste",
            fileName: source.name,
          },
          ctx.log,
        );
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        const { text, truncated } = modalErrorText(err);
        const outcome = errorsAt(block, text);
        if (!(err instanceof PlanRejectedError) || !truncated) return outcome;
        const all = err.problems.map(formatProblem);
        return {
          ...outcome,
          after: async () => {
            const d = new Deliveries(ctx.log);
            await dm(
              ctx.client,
              d,
              [ctx.userId],
              planProblemsMessage(
                `Your ${meta.phase} plan for ${meta.period} was not accepted; nothing was stored. Every problem:`,
                all,
              ),
            );
          },
        };
      }
      return {
        after: async () => {
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
        },
      };
    }),
  );
}

/**
 * Where the sign-off request for a plan version was posted, `_id` = the plan version's `_id`: kept apart
 * from the immutable plan and from the cycle snapshot, so recording it never races a transition. The
 * first record stands (a repeated post of the same request does not move it).
 */
import { type SignoffMessageDoc, SignoffMessageModel } from "../db/models/signoff-message.ts";
import { planVersionId } from "./plan-versions.ts";
import { readStep } from "./series.ts";
import { insertUnique } from "./unique-insert.ts";

export async function recordSignoffMessage(
  teamId: string,
  period: string,
  phase: string,
  version: number,
  where: { channel: string; ts: string },
  at: Date,
): Promise<void> {
  await insertUnique(SignoffMessageModel, {
    _id: planVersionId(teamId, period, phase, version),
    teamId,
    channel: where.channel,
    ts: where.ts,
    postedAt: at,
  });
}

export async function signoffMessageOf(
  teamId: string,
  period: string,
  phase: string,
  version: number,
): Promise<{ channel: string; ts: string } | null> {
  const d = await readStep<SignoffMessageDoc>(
    SignoffMessageModel,
    planVersionId(teamId, period, phase, version),
  );
  return d && d.teamId === teamId ? { channel: d.channel, ts: d.ts } : null;
}

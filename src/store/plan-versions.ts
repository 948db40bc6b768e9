/**
 * Plan versions: one immutable document per accepted submission, addressed by `_id`
 * (`${teamId}|${period}|${phase}|v${n}`) — the only lookup FerretDB serves from an index. A version is
 * inserted before it is committed to the cycle; the unique `_id` makes the insert a claim on the version
 * number, and a random token tells an abandoned insert (a crash before the commit) from a live one.
 */
import { randomBytes } from "node:crypto";
import { type PlanVersionDoc, PlanVersionModel } from "../db/models/plan-version.ts";
import { packColumn, unpackFloat64, unpackUint8, unpackUint32 } from "../plans/plan-columns.ts";
import type { ParsedPlan } from "../plans/plan-csv.ts";
import type { PlanColumns, PlanSummary } from "../plans/plan-summary.ts";
import { readStep } from "./series.ts";
import { insertUnique } from "./unique-insert.ts";

export function planVersionId(teamId: string, period: string, phase: string, version: number): string {
  return `${teamId}|${period}|${phase}|v${version}`;
}

/** What every plan version records besides its lines. */
interface PlanVersionFields {
  teamId: string;
  period: string;
  phase: string;
  version: number;
  submittedBy: string;
  submittedAt: Date;
  comment: string | null;
  source: string;
  fileName: string | null;
  summary: PlanSummary;
}

export interface PlanVersionMeta extends PlanVersionFields {
  id: string;
  rows: number;
}

export interface PlanVersion extends PlanVersionMeta, PlanColumns {}

export interface NewPlanVersion extends PlanVersionFields {
  plan: ParsedPlan;
}

const META_PROJECTION = { familyIndex: 0, periodIndex: 0, quantity: 0, revenue: 0, capacity: 0, families: 0 };

function toMeta(d: Partial<PlanVersionDoc>): PlanVersionMeta {
  return {
    id: d._id!,
    teamId: d.teamId!,
    period: d.period!,
    phase: d.phase!,
    version: d.version!,
    submittedBy: d.submittedBy!,
    submittedAt: new Date(d.submittedAt!),
    comment: d.comment ?? null,
    source: d.source!,
    fileName: d.fileName ?? null,
    rows: d.rows!,
    summary: d.summary as unknown as PlanSummary,
  };
}

export async function loadPlanVersion(
  teamId: string,
  period: string,
  phase: string,
  version: number,
): Promise<PlanVersion | null> {
  const d = await readStep<PlanVersionDoc>(PlanVersionModel, planVersionId(teamId, period, phase, version));
  if (!d || d.teamId !== teamId) return null;
  return {
    ...toMeta(d),
    families: d.families,
    periods: d.periods,
    familyIndex: unpackUint32(d.familyIndex),
    periodIndex: unpackUint8(d.periodIndex),
    quantity: unpackFloat64(d.quantity),
    revenue: d.revenue ? unpackFloat64(d.revenue) : null,
    capacity: d.capacity ? unpackFloat64(d.capacity) : null,
  };
}

/** Metadata and summary only (no lines): what messages and status need. */
export async function loadPlanMeta(
  teamId: string,
  period: string,
  phase: string,
  version: number,
): Promise<PlanVersionMeta | null> {
  const d = (await PlanVersionModel.collection.findOne(
    { _id: planVersionId(teamId, period, phase, version) } as never,
    { projection: META_PROJECTION },
  )) as Partial<PlanVersionDoc> | null;
  if (!d || d.teamId !== teamId) return null;
  return toMeta(d);
}

/**
 * Stores a version that is not yet committed to the cycle. Returns its token, or "taken" when a document
 * with that `_id` exists (a concurrent submission, or one abandoned by a crash — see planVersionHolder).
 */
export async function insertPlanVersion(v: NewPlanVersion): Promise<{ token: string } | "taken"> {
  const token = randomBytes(8).toString("hex");
  const { plan } = v;
  const won = await insertUnique(PlanVersionModel, {
    _id: planVersionId(v.teamId, v.period, v.phase, v.version),
    teamId: v.teamId,
    period: v.period,
    phase: v.phase,
    version: v.version,
    token,
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt,
    comment: v.comment,
    source: v.source,
    fileName: v.fileName,
    rows: plan.rows,
    families: plan.families,
    periods: plan.periods,
    familyIndex: packColumn(plan.familyIndex),
    periodIndex: packColumn(plan.periodIndex),
    quantity: packColumn(plan.quantity),
    revenue: plan.revenue ? packColumn(plan.revenue) : null,
    capacity: plan.capacity ? packColumn(plan.capacity) : null,
    summary: v.summary as unknown as Record<string, unknown>,
  });
  return won ? { token } : "taken";
}

/** Who holds a version `_id` and since when (to tell an abandoned insert from a live one). */
export async function planVersionHolder(
  teamId: string,
  period: string,
  phase: string,
  version: number,
): Promise<{ token: string; submittedAt: Date } | null> {
  const d = (await PlanVersionModel.collection.findOne(
    { _id: planVersionId(teamId, period, phase, version) } as never,
    { projection: { token: 1, submittedAt: 1 } },
  )) as { token: string; submittedAt: Date } | null;
  return d ? { token: d.token, submittedAt: new Date(d.submittedAt) } : null;
}

/** Removes an uncommitted version this process (or an abandoned attempt, by token) inserted. */
export async function deleteUncommittedVersion(
  teamId: string,
  period: string,
  phase: string,
  version: number,
  token: string,
): Promise<void> {
  await PlanVersionModel.collection.deleteOne({
    _id: planVersionId(teamId, period, phase, version),
    token,
  } as never);
}

/**
 * The per-family facts behind a team's digest for one reporting week, `_id` = `team|YYYY-Www`: computed
 * by the daily KPI job and replaced on every recompute, so the digest reads one small document.
 */
import { type DigestFactsDoc, DigestFactsModel } from "../db/models/digest-facts.ts";
import { readStep } from "./series.ts";

const factsId = (teamId: string, week: string) => `${teamId}|${week}`;

/** Stores (replacing) the facts of a week; `facts` is the DigestFacts of src/digest/family-facts.ts. */
export async function storeDigestFactsDoc(
  teamId: string,
  week: string,
  facts: object,
  computedAt: Date,
): Promise<void> {
  await DigestFactsModel.collection.replaceOne(
    { _id: factsId(teamId, week) } as never,
    { teamId, week, facts, computedAt },
    { upsert: true },
  );
}

export async function readDigestFactsDoc(
  teamId: string,
  week: string,
): Promise<{ facts: Record<string, unknown>; computedAt: Date } | null> {
  const d = await readStep<DigestFactsDoc>(DigestFactsModel, factsId(teamId, week));
  return d && d.teamId === teamId ? { facts: d.facts, computedAt: d.computedAt } : null;
}

/**
 * Manifests: which chunks hold a team's actuals of one kind. The committed state is the highest
 * revision whose manifest exists; `head` is a hint (set after each commit, possibly behind after a
 * crash), so a reader starts there and probes revision+1 by `_id` until one is missing.
 */

import { ActualsManifestModel, type ChunkRef } from "../../db/models/actuals-manifest.ts";
import { insertUnique } from "../unique-insert.ts";
import type { MonthFacts } from "./codec.ts";
import { headId, manifestId } from "./ids.ts";
import type { ActualsKind } from "./rows.ts";

export type { ChunkRef };

export interface MonthEntry extends MonthFacts {
  month: string;
  chunks: ChunkRef[];
}

export interface Manifest {
  teamId: string;
  kind: ActualsKind;
  /** 0 = nothing imported yet. */
  revision: number;
  /** Sorted by month. */
  months: MonthEntry[];
  /** Inventory: chunks of the latest-snapshot-per-family index. */
  latest: ChunkRef[];
  superseded: string[];
}

interface StoredManifest {
  _id: string;
  teamId: string;
  kind: ActualsKind;
  revision: number;
  committedAt: Date;
  source: "import" | "migration";
  months: MonthEntry[];
  latest?: ChunkRef[];
  superseded: string[];
}

const manifests = () => ActualsManifestModel.collection;

const empty = (teamId: string, kind: ActualsKind): Manifest => ({
  teamId,
  kind,
  revision: 0,
  months: [],
  latest: [],
  superseded: [],
});

async function load(teamId: string, kind: ActualsKind, revision: number): Promise<Manifest | null> {
  const doc = (await manifests().findOne({
    _id: manifestId(teamId, kind, revision) as never,
  })) as StoredManifest | null;
  if (!doc || doc.teamId !== teamId) return null;
  return {
    teamId,
    kind,
    revision: doc.revision,
    months: doc.months,
    latest: doc.latest ?? [],
    superseded: doc.superseded ?? [],
  };
}

/** How far past a stale head to look for a manifest (older ones are deleted as newer ones commit). */
const MAX_GAP = 1000;

/** The committed manifest of a team and kind: the head's revision, caught up by probing. */
export async function currentManifest(teamId: string, kind: ActualsKind): Promise<Manifest> {
  const head = (await manifests().findOne({ _id: headId(teamId, kind) as never })) as {
    revision?: number;
  } | null;
  let revision = head?.revision ?? 0;
  let manifest: Manifest | null = null;
  if (revision > 0) {
    // The head's own manifest may be gone when later revisions were committed while the head lagged.
    for (let r = revision; r < revision + MAX_GAP && !manifest; r++) manifest = await load(teamId, kind, r);
    if (!manifest)
      throw new Error(`actuals manifest of ${teamId} ${kind} not found from revision ${revision}`);
    revision = manifest.revision;
  }
  for (;;) {
    const next = await load(teamId, kind, revision + 1);
    if (!next) return manifest ?? empty(teamId, kind);
    manifest = next;
    revision = next.revision;
  }
}

/** True when revision `revision` has been committed. */
export async function manifestExists(teamId: string, kind: ActualsKind, revision: number): Promise<boolean> {
  const doc = await manifests().findOne(
    { _id: manifestId(teamId, kind, revision) as never },
    {
      projection: { _id: 1 },
    },
  );
  return doc !== null;
}

/** Commits a revision: true when this insert won, false when that revision exists already. */
export async function insertManifest(
  m: Manifest,
  source: "import" | "migration",
  at: Date,
): Promise<boolean> {
  const doc: StoredManifest = {
    _id: manifestId(m.teamId, m.kind, m.revision),
    teamId: m.teamId,
    kind: m.kind,
    revision: m.revision,
    committedAt: at,
    source,
    months: m.months,
    ...(m.kind === "inventory" ? { latest: m.latest } : {}),
    superseded: m.superseded,
  };
  return insertUnique(ActualsManifestModel, doc);
}

/** Moves the head hint forward (never back: `$max`); readers catch up past a lagging head anyway. */
export async function setHead(teamId: string, kind: ActualsKind, revision: number): Promise<void> {
  await manifests().updateOne(
    { _id: headId(teamId, kind) as never },
    { $max: { revision }, $setOnInsert: { teamId, kind } },
    { upsert: true },
  );
}

/** Deletes an old revision's manifest (readers never need one below the committed revision). */
export async function deleteManifest(teamId: string, kind: ActualsKind, revision: number): Promise<void> {
  if (revision > 0) await manifests().deleteOne({ _id: manifestId(teamId, kind, revision) as never });
}

/**
 * Document ids of bucketed actuals. Every id starts with `team|kind|`; team ids are Slack ids
 * ([A-Z0-9]) and kinds fixed words, so the parts never need escaping.
 */
import { randomBytes } from "node:crypto";
import type { ActualsKind } from "./rows.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export const manifestId = (teamId: string, kind: ActualsKind, revision: number) =>
  `${teamId}|${kind}|${pad(revision, 8)}`;

export const headId = (teamId: string, kind: ActualsKind) => `${teamId}|${kind}|head`;

export const leaseId = (teamId: string, kind: ActualsKind, base: number, attempt: number) =>
  `${teamId}|${kind}|${pad(base, 8)}|${pad(attempt, 3)}`;

/** A generation token for the chunks one import writes: the revision it will commit, plus a random part. */
export const generation = (revision: number) => `g${pad(revision, 8)}-${randomBytes(4).toString("hex")}`;

export const chunkId = (teamId: string, kind: ActualsKind, month: string, gen: string, part: number) =>
  `${teamId}|${kind}|${month}|${gen}|${pad(part, 3)}`;

/** The month (or `latest`) part of a chunk id. */
export const monthOfChunkId = (id: string): string => id.split("|")[2]!;

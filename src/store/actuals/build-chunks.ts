/**
 * A month's rows (in key order) as chunk documents: at most CHUNK_ROWS rows each and, counting names
 * and ids at 3 bytes a character, well under MongoDB's 16 MB document limit whatever a team's size.
 */

import type { ChunkDoc } from "./chunks.ts";
import { type Chunk, countFamilies, type KindCodec } from "./codec.ts";
import { chunkId } from "./ids.ts";
import type { MonthEntry } from "./manifest.ts";
import type { ActualsKind } from "./rows.ts";

export const CHUNK_ROWS = 50_000;
const CHUNK_BYTES = 6_000_000;

/** Consecutive runs of rows, each small enough for one chunk. */
export function splitRows<Row extends { family: string }>(
  codec: KindCodec<Row, Chunk>,
  rows: readonly Row[],
): Row[][] {
  const parts: Row[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
    const part = rows.slice(at, at + CHUNK_ROWS);
    // Counting every row's family name in full bounds the bytes from above: almost always far below the limit.
    let bound = 0;
    for (const row of part) bound += codec.extraBytes(row) + 16 + 3 * row.family.length + 1;
    if (bound <= CHUNK_BYTES) parts.push(part);
    else parts.push(...splitByBytes(codec, part));
  }
  return parts;
}

/** Consecutive runs of rows under CHUNK_BYTES, counting each family name once per run. */
function splitByBytes<Row extends { family: string }>(
  codec: KindCodec<Row, Chunk>,
  rows: readonly Row[],
): Row[][] {
  const parts: Row[][] = [];
  let part: Row[] = [];
  let bytes = 0;
  let names = new Set<string>();
  for (const row of rows) {
    let add = codec.extraBytes(row) + 16;
    if (!names.has(row.family)) add += 3 * row.family.length + 1;
    if (part.length > 0 && bytes + add > CHUNK_BYTES) {
      parts.push(part);
      part = [];
      bytes = 0;
      names = new Set();
      add = codec.extraBytes(row) + 16 + 3 * row.family.length + 1;
    }
    names.add(row.family);
    part.push(row);
    bytes += add;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The chunk documents of one month of a new generation, and its manifest entry. */
export function buildMonth<Row extends { family: string }>(
  codec: KindCodec<Row, Chunk>,
  teamId: string,
  month: string,
  gen: string,
  rows: readonly Row[],
): { docs: ChunkDoc[]; entry: MonthEntry } {
  const chunks = splitRows(codec, rows).map((part) => codec.toChunk(part));
  const docs = chunks.map(
    (chunk, i): ChunkDoc => ({
      _id: chunkId(teamId, codec.kind as ActualsKind, month, gen, i),
      teamId,
      kind: codec.kind,
      month,
      n: chunk.n,
      cols: codec.encode(chunk),
    }),
  );
  const { rows: n, ...facts } = codec.facts(rows);
  const chunkRefs = docs.map((d) => ({ id: d._id, rows: d.n }));
  return { docs, entry: { month, rows: n, families: countFamilies(chunks), ...facts, chunks: chunkRefs } };
}

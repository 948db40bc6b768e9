/** Remembers the latest posted digest per team (one small document, replaced on every post). */
import { type DigestChartRef, type DigestPostDoc, DigestPostModel } from "../db/models/digest-post.ts";

export type { DigestChartRef };

export async function recordDigestPost(post: Omit<DigestPostDoc, "_id">): Promise<void> {
  await DigestPostModel.replaceOne({ _id: post.teamId }, { ...post }, { upsert: true });
}

export async function latestDigestPost(teamId: string): Promise<DigestPostDoc | null> {
  const d = await DigestPostModel.findById(teamId).lean<DigestPostDoc>();
  return d && d.teamId === teamId ? d : null;
}

/**
 * The latest digest posted for a team, `_id` = team id: where it went and the chart files or image URLs
 * it carried, so the App Home dashboard shows "the latest charts" without re-rendering them. Replaced
 * on every post.
 */
import { type DigestChartRef, type DigestPostDoc, DigestPostModel } from "../db/models/digest-post.ts";
import { readStep } from "./series.ts";

export type { DigestChartRef };
export type DigestPost = DigestPostDoc;

export async function recordDigestPost(post: Omit<DigestPost, "_id">): Promise<void> {
  await DigestPostModel.collection.replaceOne({ _id: post.teamId } as never, { ...post }, { upsert: true });
}

export async function latestDigestPost(teamId: string): Promise<DigestPost | null> {
  const d = await readStep<DigestPost>(DigestPostModel, teamId);
  return d && d.teamId === teamId ? d : null;
}

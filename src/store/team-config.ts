/**
 * Team configurations as a fixed-`_id` series of revisions (series.ts): revision n of team T is the
 * document `T|00000n` in team_config_revisions, and saving is inserting the next one — exactly one of
 * any number of concurrent saves made from the same revision wins; the others are told they lost and
 * reload. The head (`_id` = T in team_configs) is refreshed after the commit and read first; readers
 * then look up the next revision by `_id`, so a head left behind by a crash never hides a save.
 * Heads written before revisions existed have no revision documents: a save made from such a head's
 * revision commits the next one, a save made from anything older loses, so they are never overwritten.
 */
import { type TeamConfigDoc, TeamConfigModel } from "../db/models/team-config.ts";
import { type TeamConfigRevisionDoc, TeamConfigRevisionModel } from "../db/models/team-config-revision.ts";
import { everyTeam } from "./all-teams.ts";
import { idPrefixRange } from "./id-range.ts";
import { RecentReads } from "./recent-reads.ts";
import { commitStep, readStep, readStepField, refreshHead, seriesId, stepsAfter } from "./series.ts";

export interface StoredTeamConfig {
  teamId: string;
  /** As validated when it was saved. */
  config: Record<string, unknown>;
  revision: number;
  savedAt: Date;
  savedBy: string;
}

const revisionId = (teamId: string, revision: number) => seriesId(teamId, revision, 6);

const recent = new RecentReads<StoredTeamConfig>(10_000);

const storedOf = (r: TeamConfigRevisionDoc): StoredTeamConfig => ({
  teamId: r.teamId,
  config: r.config,
  revision: r.revision,
  savedAt: r.savedAt,
  savedBy: r.savedBy,
});

/**
 * Whether `known` is still the team's configuration: its revision document is the one it was read
 * from (same save time: not deleted, not replaced by a reset), and no later revision exists.
 */
async function stillCurrent(known: StoredTeamConfig): Promise<"current" | "newer" | "unknown"> {
  const [savedAt, next] = await Promise.all([
    readStepField(TeamConfigRevisionModel, revisionId(known.teamId, known.revision), "savedAt"),
    readStepField(TeamConfigRevisionModel, revisionId(known.teamId, known.revision + 1), "_id"),
  ]);
  if (!(savedAt instanceof Date) || savedAt.getTime() !== known.savedAt.getTime()) return "unknown";
  return next === undefined ? "current" : "newer";
}

/** The latest saved configuration of a team, or null when it has none. Shared: never change it. */
export async function readTeamConfig(teamId: string): Promise<StoredTeamConfig | null> {
  const known = recent.get(teamId);
  if (known) {
    const check = await stillCurrent(known);
    if (check === "current") return known;
    const later = check === "newer" ? await latestAfter(teamId, known.revision) : null;
    if (later) return recent.set(teamId, storedOf(later), recent.readAt(teamId));
    recent.delete(teamId);
  }
  const readAt = performance.now();
  const head = await readStep<TeamConfigDoc>(TeamConfigModel, teamId);
  const latest = await latestAfter(teamId, head?.revision ?? 0);
  if (latest) return recent.set(teamId, storedOf(latest), readAt);
  if (!head) return null;
  return recent.set(
    teamId,
    {
      teamId,
      config: head.config,
      revision: head.revision,
      savedAt: head.updatedAt,
      savedBy: head.updatedBy,
    },
    readAt,
  );
}

/** The last revision after `from` (the head moved up to it), or null when there is none. */
async function latestAfter(teamId: string, from: number): Promise<TeamConfigRevisionDoc | null> {
  const newer = await stepsAfter<TeamConfigRevisionDoc>(
    TeamConfigRevisionModel,
    (n) => revisionId(teamId, n),
    from,
  );
  const latest = newer.at(-1)?.step ?? null;
  if (latest) await moveHead(latest).catch(() => {}); // best effort: the next reader catches up the same way
  return latest;
}

function moveHead(r: TeamConfigRevisionDoc): Promise<void> {
  return refreshHead(TeamConfigModel, r.teamId, "revision", r.revision, {
    config: r.config,
    updatedAt: r.savedAt,
    updatedBy: r.savedBy,
  });
}

export interface ConfigSave {
  teamId: string;
  /** The revision the new configuration was made from (0: the team has none yet). */
  from: number;
  config: Record<string, unknown>;
  by: string;
  at: Date;
}

/**
 * Commits `config` as revision `from + 1`. "won": it is the team's configuration now. "lost": another
 * save got there first (or `from` is not the latest revision) — nothing was written; reload and decide.
 * An outage is thrown, never reported as a lost race.
 */
export async function commitTeamConfig(save: ConfigSave): Promise<"won" | "lost"> {
  if (!(await isRevision(save.teamId, save.from))) return "lost";
  const revision = save.from + 1;
  const doc: TeamConfigRevisionDoc = {
    _id: revisionId(save.teamId, revision),
    teamId: save.teamId,
    revision,
    config: save.config,
    savedAt: save.at,
    savedBy: save.by,
  };
  if (!(await commitStep(TeamConfigRevisionModel, doc))) return "lost";
  recent.set(save.teamId, storedOf(structuredClone(doc)));
  // Committed. The head is a hint: if this write fails, readers catch up from the revisions.
  await moveHead(doc).catch(() => {});
  return "won";
}

/**
 * Whether `from` is a revision the team has: the document itself (one lookup, the usual case), or the
 * head's revision when there is none (0 before the first save; a head saved before revisions existed).
 * Given that, inserting `from + 1` fails exactly when a later save exists, so no read of the latest.
 */
async function isRevision(teamId: string, from: number): Promise<boolean> {
  if (from > 0 && (await readStep(TeamConfigRevisionModel, revisionId(teamId, from)))) return true;
  const head = await readStep<TeamConfigDoc>(TeamConfigModel, teamId);
  return (head?.revision ?? 0) === from;
}

/** Removes a team's configuration and its history (offboarding; tests). Revisions first, head last. */
export async function deleteTeamConfig(teamId: string): Promise<void> {
  recent.delete(teamId);
  await TeamConfigRevisionModel.collection.deleteMany(idPrefixRange(`${teamId}|`) as never);
  await TeamConfigModel.collection.deleteOne({ _id: teamId } as never);
}

/**
 * Every configured team with the revision its head shows (the scheduler's list; see all-teams.ts). A
 * head left behind shows the older revision until any reader of that team catches it up.
 */
export async function teamRevisions(): Promise<{ teamId: string; revision: number }[]> {
  const out: { teamId: string; revision: number }[] = [];
  for await (const d of everyTeam<{ _id: string; revision: number }>(TeamConfigModel, { revision: 1 }))
    out.push({ teamId: d._id, revision: d.revision });
  return out;
}

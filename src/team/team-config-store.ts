/** Reads and writes a team's configuration; every call is scoped by team id. */
import { TeamConfigModel } from "../db/models/team-config.ts";
import { UserError } from "../errors.ts";
import { parseTeamConfig, type TeamConfig, TeamConfigSchema } from "./team-config.ts";

// Parsed configs by team, with the stored JSON they came from. Parsing (zod, cron expressions, time
// zones) costs ~1 ms of CPU and every request loads its team's config, some more than once.
const parsed = new Map<string, { raw: string; cfg: TeamConfig }>();

export async function loadTeamConfig(teamId: string): Promise<TeamConfig | null> {
  const doc = await TeamConfigModel.findById(teamId).lean();
  if (!doc) return null;
  const raw = JSON.stringify(doc.config);
  const hit = parsed.get(teamId);
  if (hit?.raw === raw) return hit.cfg;
  // Stored configs were validated on save; parsing again applies defaults added since.
  const cfg = deepFreeze(TeamConfigSchema.parse(doc.config));
  parsed.set(teamId, { raw, cfg });
  return cfg;
}

/** Shared between requests, so nobody may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function requireTeamConfig(teamId: string): Promise<TeamConfig> {
  const cfg = await loadTeamConfig(teamId);
  if (!cfg) {
    throw new UserError(
      "not_configured",
      "This workspace has no S&OP configuration yet. An admin runs `/sop setup` (or `sop config import team.json`).",
    );
  }
  return cfg;
}

export async function teamConfigRevision(teamId: string): Promise<number | null> {
  const doc = await TeamConfigModel.findById(teamId, { revision: 1 }).lean();
  return doc?.revision ?? null;
}

/**
 * Validates and stores a configuration. `expectedRevision` (from the setup modal) makes concurrent edits
 * fail instead of silently overwriting each other.
 */
export async function saveTeamConfig(
  input: unknown,
  by: string,
  now: Date,
  expectedRevision?: number | null,
): Promise<TeamConfig> {
  const parsed = parseTeamConfig(input);
  if (!parsed.ok) throw new UserError("bad_input", "The team configuration is not valid.", parsed.errors);
  const cfg = parsed.config;
  const update = { $set: { config: cfg, updatedAt: now, updatedBy: by }, $inc: { revision: 1 } };
  if (expectedRevision === undefined) {
    await TeamConfigModel.updateOne({ _id: cfg.team }, update, { upsert: true });
  } else if (expectedRevision === null) {
    try {
      await TeamConfigModel.create({
        _id: cfg.team,
        config: cfg,
        revision: 1,
        updatedAt: now,
        updatedBy: by,
      });
    } catch {
      throw new UserError(
        "conflict",
        "Someone configured this workspace at the same time; reopen `/sop setup`.",
      );
    }
  } else {
    const r = await TeamConfigModel.updateOne({ _id: cfg.team, revision: expectedRevision }, update);
    if (r.matchedCount === 0) {
      throw new UserError(
        "conflict",
        "The configuration changed while you were editing; reopen `/sop setup`.",
      );
    }
  }
  return cfg;
}

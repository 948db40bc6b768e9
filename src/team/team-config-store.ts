/**
 * Reads and saves a team's configuration; every call is scoped by team id. A save is committed as the
 * next revision (src/store/team-config.ts): of concurrent saves made from the same revision exactly one
 * wins, and the others hear that the configuration changed meanwhile — never a silent overwrite.
 */
import { UserError } from "../errors.ts";
import { deepFreeze } from "../store/recent-reads.ts";
import { commitTeamConfig, readTeamConfig } from "../store/team-config.ts";
import { parseTeamConfig, type TeamConfig, TeamConfigSchema } from "./team-config.ts";

// Parsed configs by team, with the stored JSON they came from, and by the stored object the store
// hands out again while it is current. Parsing (zod, cron expressions, time zones) costs ~1 ms of CPU
// and every request loads its team's config, some more than once.
const parsed = new Map<string, { raw: string; cfg: TeamConfig }>();
const parsedOf = new WeakMap<object, TeamConfig>();

export interface LoadedTeamConfig {
  config: TeamConfig;
  revision: number;
  savedAt: Date;
  savedBy: string;
}

/** The team's configuration with its revision and who saved it; null when it has none. */
export async function loadTeamConfigRevision(teamId: string): Promise<LoadedTeamConfig | null> {
  const stored = await readTeamConfig(teamId);
  if (!stored) return null;
  let cfg = parsedOf.get(stored.config);
  if (!cfg) {
    const raw = JSON.stringify(stored.config);
    const hit = parsed.get(teamId);
    cfg = hit?.raw === raw ? hit.cfg : undefined;
    if (!cfg) {
      // Stored configs were validated on save; parsing again applies defaults added since.
      cfg = deepFreeze(TeamConfigSchema.parse(stored.config));
      parsed.set(teamId, { raw, cfg });
    }
    parsedOf.set(stored.config, cfg);
  }
  return { config: cfg, revision: stored.revision, savedAt: stored.savedAt, savedBy: stored.savedBy };
}

export async function loadTeamConfig(teamId: string): Promise<TeamConfig | null> {
  return (await loadTeamConfigRevision(teamId))?.config ?? null;
}

export async function requireTeamConfig(teamId: string): Promise<TeamConfig> {
  const cfg = await loadTeamConfig(teamId);
  if (!cfg) {
    throw new UserError("not_configured", "This workspace has no S&OP configuration yet.", [], {
      step: "configure",
    });
  }
  return cfg;
}

async function teamConfigRevision(teamId: string): Promise<number | null> {
  return (await readTeamConfig(teamId))?.revision ?? null;
}

/** A save made from a revision that is no longer the latest: nothing was stored. */
export class ConfigChangedError extends UserError {
  constructor(readonly teamId: string) {
    super("conflict", "The configuration changed while you were editing; nothing was saved.");
    this.name = "ConfigChangedError";
  }
}

/** Saves that lose this many races in a row give up (someone is saving in a loop). */
const IMPORT_ATTEMPTS = 20;

/**
 * Validates and stores a configuration; returns it with the revision it became.
 * - `from` given (the revision the setup modal was opened on; null: none yet): committed only on top of
 *   that revision, else ConfigChangedError.
 * - `from` omitted (`sop config import`, which replaces the whole configuration and was not made from
 *   an earlier one): committed on top of whatever is the latest revision, taking the next free one.
 */
export async function saveTeamConfig(
  input: unknown,
  by: string,
  now: Date,
  from?: number | null,
): Promise<{ config: TeamConfig; revision: number }> {
  const result = parseTeamConfig(input);
  if (!result.ok) throw new UserError("bad_input", "The team configuration is not valid.", result.errors);
  const cfg = result.config;
  const save = (base: number) =>
    commitTeamConfig({ teamId: cfg.team, from: base, config: cfg as Record<string, unknown>, by, at: now });
  if (from !== undefined) {
    if ((await save(from ?? 0)) === "lost") throw new ConfigChangedError(cfg.team);
    return { config: cfg, revision: (from ?? 0) + 1 };
  }
  for (let attempt = 0; attempt < IMPORT_ATTEMPTS; attempt++) {
    const base = (await teamConfigRevision(cfg.team)) ?? 0;
    if ((await save(base)) === "won") return { config: cfg, revision: base + 1 };
  }
  throw new UserError(
    "conflict",
    `The configuration of ${cfg.team} kept changing while it was being saved; nothing was saved. Try again.`,
  );
}

/**
 * Documents this process read moments ago, so the next request does not read and decode them again.
 * Only for series (series.ts), whose steps are never changed once written: a caller holding step n
 * checks, by two `_id` lookups made together, that step n is still the one it read (its time unchanged:
 * not deleted or reset) and that step n + 1 does not exist (usually a miss), so a step committed by any
 * replica is seen at once. Entries belong to the database connection they were read on (a reconnect or
 * another database starts empty) and are dropped after `maxAgeMs`, which bounds what those checks
 * cannot see: a series rewritten outside the app with the same times.
 * Values are frozen: they are shared by every request that gets them.
 */
import mongoose from "mongoose";

interface Entry<T> {
  value: T;
  db: unknown;
  at: number;
}

export class RecentReads<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    readonly maxAgeMs: number,
    readonly maxEntries = 5000,
  ) {}

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.db !== mongoose.connection.db || performance.now() - e.at > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Keeps `value` (frozen, deeply) and returns it. `at` is when it was read from the database. */
  set(key: string, value: T, at = performance.now()): T {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value: deepFreeze(value), db: mongoose.connection.db, at });
    return value;
  }

  /** When the entry of `key` was read from the database (undefined: none). */
  readAt(key: string): number | undefined {
    return this.entries.get(key)?.at;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

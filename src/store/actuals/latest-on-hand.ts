/**
 * On hand per family at a date: each family's latest snapshot dated on or before it (the days-of-supply
 * rule). Families whose last snapshot is on or before the date come straight from the inventory's
 * latest-per-family index; for the rest (their last snapshot is later) the months are walked back from
 * the date's month until each has its answer — the index says which families have one at all.
 */
import { dayText, fastDay } from "./days.ts";
import { readLatestIndex } from "./inventory-latest.ts";
import { currentManifest } from "./manifest.ts";
import { consistently, familyIndex, scanChunks } from "./scan.ts";

export interface FamilyOnHand {
  family: string;
  /** The snapshot's date. */
  date: string;
  onHandQty: number;
}

/** Per family (in name order), the latest snapshot dated on or before `date`; families without one are left out. */
export function latestOnHandByFamily(teamId: string, date: string, family?: string): Promise<FamilyOnHand[]> {
  return consistently(async () => {
    const manifest = await currentManifest(teamId, "inventory");
    if (manifest.latest.length === 0) return [];
    const index = await readLatestIndex(manifest);
    const day = fastDay(date);
    const found = new Map<string, { day: number; onHand: number }>();
    /** Families with a snapshot on or before `date` but also a later one: answered from the buckets. */
    const open = new Set<string>();
    const only = familyIndex(index.families, family);
    if (only === -1) return [];
    index.families.forEach((f, i) => {
      if ((only >= 0 && i !== only) || index.firstDay[i]! > day) return;
      if (index.lastDay[i]! <= day) found.set(f, { day: index.lastDay[i]!, onHand: index.onHand[i]! });
      else open.add(f);
    });
    const month = date.slice(0, 7);
    const months = manifest.months.filter((m) => m.month <= month).reverse();
    for (const m of months) {
      if (open.size === 0) break;
      const inMonth = new Map<string, { day: number; onHand: number }>();
      for await (const { chunk: c } of scanChunks(teamId, "inventory", () => [m], manifest)) {
        for (let i = 0; i < c.n; i++) {
          const f = c.families[c.family[i]!]!;
          const d = c.day[i]!;
          if (d > day || !open.has(f)) continue;
          const seen = inMonth.get(f);
          if (!seen || d > seen.day) inMonth.set(f, { day: d, onHand: c.onHand[i]! });
        }
      }
      // Later months were read before this one, so what this month holds is each family's latest.
      for (const [f, v] of inMonth) {
        found.set(f, v);
        open.delete(f);
      }
    }
    return [...found.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([f, v]) => ({ family: f, date: dayText(v.day), onHandQty: v.onHand }));
  });
}

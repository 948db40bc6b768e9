import { formatCount, truncate } from "./text.ts";

/** More bars than this no longer fit 450 px with readable labels (2 bars × 15 families already). */
export const MAX_FAMILIES = 15;

/** Family names longer than this are cut with "…" so the label column does not squeeze the bars. */
export const MAX_FAMILY_LABEL = 24;

export function familyLabels(families: readonly string[]): string[] {
  return families.slice(0, MAX_FAMILIES).map((f) => truncate(f, MAX_FAMILY_LABEL));
}

/** "Top 15 of 5,000 families" when not all families are shown, otherwise undefined. */
export function familySubtitle(families: readonly string[], total: number | undefined): string | undefined {
  const shown = Math.min(families.length, MAX_FAMILIES);
  const all = Math.max(total ?? 0, families.length);
  return shown > 0 && all > shown ? `Top ${formatCount(shown)} of ${formatCount(all)} families` : undefined;
}

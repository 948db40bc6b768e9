/**
 * The team configuration's `report` section: how the S&OP report judges and groups families.
 * - `daysOfSupply`: the default min/max days of supply of every family (default: the team's days of
 *   supply KPI band);
 * - `families`: per family, its own `minDays` / `maxDays`, and `makeToOrder: true` to project its
 *   open-order backlog instead of inventory (`maxDays` is then the most days of backlog accepted);
 * - `groups`: named family groups, rolled up between the families and the company;
 * - `familyPages`: at most this many family pages in the PDF and family sheets in the workbook
 *   (flagged families first; the workbook's "All families" sheet always has every family).
 */
import { z } from "zod";
import type { FamilyTargets } from "../report/grid-types.ts";

const days = z.number().min(0, "must not be negative").max(3650, "must be at most 3650 days");

const FamilySettings = z
  .object({ minDays: days.optional(), maxDays: days.optional(), makeToOrder: z.boolean().optional() })
  .strict()
  .refine((f) => f.minDays === undefined || f.maxDays === undefined || f.minDays <= f.maxDays, {
    message: "minDays must not exceed maxDays",
  });

export const ReportSettingsSchema = z
  .object({
    daysOfSupply: z
      .object({ min: days, max: days })
      .strict()
      .refine((b) => b.min <= b.max, "min must not exceed max")
      .optional(),
    families: z.record(z.string().trim().min(1), FamilySettings).default({}),
    groups: z.record(z.string().trim().min(1).max(60), z.array(z.string().trim().min(1)).min(1)).default({}),
    familyPages: z.number().int().min(1).max(5000).default(250),
  })
  .strict()
  .superRefine((r, ctx) => {
    const owner = new Map<string, string>();
    for (const [group, members] of Object.entries(r.groups)) {
      members.forEach((f, i) => {
        const first = owner.get(f);
        if (first !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["groups", group, i],
            message: `family "${f}" is already in group "${first}"; a family belongs to one group`,
          });
        else owner.set(f, group);
      });
    }
  });

export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

/** With a family list, every family the report section names must be on it. */
export function checkReportFamilies(r: ReportSettings, families: Set<string>, ctx: z.RefinementCtx): void {
  for (const f of Object.keys(r.families))
    if (!families.has(f))
      ctx.addIssue({
        code: "custom",
        path: ["report", "families", f],
        message: `"${f}" is not in the team's family list`,
      });
  for (const [group, members] of Object.entries(r.groups))
    members.forEach((f, i) => {
      if (!families.has(f))
        ctx.addIssue({
          code: "custom",
          path: ["report", "groups", group, i],
          message: `"${f}" is not in the team's family list`,
        });
    });
}

/** The group of each family named in a group. */
export function groupOf(r: ReportSettings): Map<string, string> {
  const out = new Map<string, string>();
  for (const [group, members] of Object.entries(r.groups)) for (const f of members) out.set(f, group);
  return out;
}

/** A family's targets: its own settings, else the section's default, else the KPI band. */
export function familyTargets(
  r: ReportSettings,
  kpiBand: { min: number; max: number },
  family: string,
): FamilyTargets {
  const own = r.families[family];
  const base = r.daysOfSupply ?? kpiBand;
  return {
    minDays: own?.minDays ?? (own?.makeToOrder ? 0 : base.min),
    maxDays: own?.maxDays ?? base.max,
    mode: own?.makeToOrder ? "backlog" : "stock",
  };
}

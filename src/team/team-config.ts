/**
 * The team configuration: one per workspace. Validated with zod so a bad file or modal gets
 * field-named errors (`phases[2].dueDay: …`) and nothing is stored.
 */
import cron from "node-cron";
import { z } from "zod";
import { PHASE_ROLES, roleOf } from "./phase-role.ts";
import { checkReportFamilies, ReportSettingsSchema } from "./report-settings.ts";

export const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be a Slack user id such as U0123ABC");
export const channelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, "must be a Slack channel id such as C0123ABC");
const cronExpr = z
  .string()
  .refine((v) => cron.validate(v), "must be a valid cron expression (5 or 6 fields)");
const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Berlin");

export const PhaseTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, "must be lower-case letters, digits or _ (max 24)"),
    name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
    owners: z.array(userId).min(1, "needs at least one owner"),
    approvers: z.array(userId).min(1, "needs at least one approver"),
    dueDay: z.number().int("must be a whole day").min(1).max(31, "must be a day of the month 1-31"),
    /** What the phase is for (phase-role.ts); defaults to its id when the id is a role's name. */
    role: z.enum(PHASE_ROLES, { error: `must be one of ${PHASE_ROLES.join(", ")}` }).optional(),
  })
  .strict();
export type PhaseTemplate = z.infer<typeof PhaseTemplateSchema>;

/** Higher-is-better or lower-is-better KPIs: green at/above target, amber down to `amber`, red beyond. */
const Threshold = z.object({ target: z.number(), amber: z.number() }).strict();
/** KPIs with a healthy band (days of supply, capacity utilisation): green inside [min,max], amber in the outer band. */
const Band = z
  .object({
    min: z.number(),
    max: z.number(),
    amberMin: z.number().optional(),
    amberMax: z.number().optional(),
  })
  .strict()
  .refine((b) => b.min <= b.max, "min must not exceed max");

export const KpiTargetsSchema = z
  .object({
    forecastAccuracy: Threshold,
    forecastBias: Threshold,
    mape: Threshold,
    onTimeDelivery: Threshold,
    serviceLevel: Threshold,
    planAdherence: Threshold,
    cycleTime: Threshold,
    capacityUtilization: Band,
    daysOfSupply: Band,
  })
  .partial()
  .strict();
export type KpiTargets = z.infer<typeof KpiTargetsSchema>;

export const DEFAULT_KPI_TARGETS: Required<KpiTargets> = {
  forecastAccuracy: { target: 0.8, amber: 0.7 },
  forecastBias: { target: 0.05, amber: 0.1 },
  mape: { target: 0.2, amber: 0.3 },
  onTimeDelivery: { target: 0.95, amber: 0.9 },
  serviceLevel: { target: 0.95, amber: 0.9 },
  planAdherence: { target: 0.9, amber: 0.8 },
  cycleTime: { target: 7, amber: 10 },
  capacityUtilization: { min: 0.75, max: 0.95, amberMin: 0.6, amberMax: 1.0 },
  daysOfSupply: { min: 20, max: 45, amberMin: 10, amberMax: 60 },
};

export const DEFAULT_SCHEDULES = { kpi: "0 6 * * *", digest: "0 8 * * 1", reminders: "0 9 * * *" };

export const TeamConfigSchema = z
  .object({
    team: z.string().regex(/^[TE][A-Z0-9]{2,}$/, "must be a Slack team id such as T0123ABC"),
    timezone: timezone.default("UTC"),
    admins: z.array(userId).min(1, "needs at least one admin"),
    /** Receives escalations; defaults to the first admin. */
    processLead: userId.optional(),
    /** Read the executive dashboard in App Home; admins always can. */
    executives: z.array(userId).default([]),
    channels: z.object({ sop: channelId, exec: channelId }).strict(),
    /** When present, plan and actuals rows must name one of these families. */
    families: z.array(z.string().trim().min(1)).optional(),
    horizonMonths: z.number().int().min(1).max(36).default(18),
    /** ISO 4217 code revenue is shown in (e.g. "EUR"); without it, revenue is a plain number. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 currency code such as EUR")
      .optional(),
    phases: z.array(PhaseTemplateSchema).min(1, "needs at least one phase"),
    kpis: KpiTargetsSchema.default({}),
    gapThresholds: z
      .object({
        /** |supply − demand| ÷ demand above this is flagged. */
        supplyVsDemand: z.number().min(0).default(0.1),
        /** supply ÷ capacity above this is flagged. */
        capacity: z.number().min(0).default(1),
        /** |revenue − demand × price| ÷ revenue above this is flagged. */
        revenueVsPlan: z.number().min(0).default(0.05),
      })
      .strict()
      .default({ supplyVsDemand: 0.1, capacity: 1, revenueVsPlan: 0.05 }),
    /** The S&OP report: days-of-supply targets, family groups, make-to-order families. */
    report: ReportSettingsSchema.default({ families: {}, groups: {}, familyPages: 250 }),
    schedules: z
      .object({ kpi: cronExpr, digest: cronExpr, reminders: cronExpr })
      .partial()
      .strict()
      .default({})
      .transform((s) => ({ ...DEFAULT_SCHEDULES, ...s })),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    const roles = new Map<string, string>();
    cfg.phases.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: "custom", path: ["phases", i, "id"], message: `duplicate phase id "${p.id}"` });
      seen.add(p.id);
      const role = roleOf(p);
      if (role && roles.has(role))
        ctx.addIssue({
          code: "custom",
          path: ["phases", i, p.role ? "role" : "id"],
          message: `phase "${roles.get(role)}" already has the role ${role}; a role belongs to one phase`,
        });
      else if (role) roles.set(role, p.id);
    });
    if (cfg.families) {
      const fams = new Set<string>();
      cfg.families.forEach((f, i) => {
        if (fams.has(f))
          ctx.addIssue({ code: "custom", path: ["families", i], message: `duplicate family "${f}"` });
        fams.add(f);
      });
      checkReportFamilies(cfg.report, fams, ctx);
    }
  });

export type TeamConfig = z.infer<typeof TeamConfigSchema>;

/** The process lead: named, or the first admin. */
export function processLeadOf(cfg: TeamConfig): string {
  return cfg.processLead ?? cfg.admins[0]!;
}

export function kpiTargetsOf(cfg: TeamConfig): Required<KpiTargets> {
  return { ...DEFAULT_KPI_TARGETS, ...cfg.kpis };
}

/** Field-named messages, e.g. `phases[1].owners[0]: must be a Slack user id such as U0123ABC`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.reduce<string>(
      (acc, seg) =>
        typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg),
      "",
    );
    return `${path || "(top level)"}: ${i.message}`;
  });
}

export type ParseResult = { ok: true; config: TeamConfig } | { ok: false; errors: string[] };

export function parseTeamConfig(input: unknown): ParseResult {
  const r = TeamConfigSchema.safeParse(input);
  return r.success ? { ok: true, config: r.data } : { ok: false, errors: formatIssues(r.error) };
}

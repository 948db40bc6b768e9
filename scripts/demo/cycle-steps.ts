/** The month's cycle in the demo: start, every phase submitted and signed off, one rejection, one changes round. */
import { precisionOf } from "../../src/format/numbers.ts";
import { approvedPlan, planLines } from "../../src/plans/index.ts";
import { GENERATE_BASELINE_ACTION } from "../../views/baseline-button.ts";
import { CYCLE_ACTIONS, REQUEST_CHANGES_INPUT, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import {
  cli,
  click,
  type DemoContext,
  findMessage,
  openModal,
  PEOPLE,
  type Person,
  settle,
  slash,
  submitModal,
  TEAM,
  tick,
} from "./context.ts";
import { weeklyFeed } from "./feed.ts";
import {
  approveScenario,
  closeActionItem,
  logActionItem,
  logDecisionFrom,
  MAINTENANCE,
  reportOnCommandLine,
  reportSummary,
  scenarioValue,
} from "./report-steps.ts";

export const PERIOD = "2026-12";
const OVERTIME_ACTION = "Confirm the weekend overtime crew for line 2 in February";

function paste(csv: string, comment = "") {
  return {
    [SUBMIT_INPUTS.csv.block]: { [SUBMIT_INPUTS.csv.action]: { type: "plain_text_input", value: csv } },
    [SUBMIT_INPUTS.file.block]: { [SUBMIT_INPUTS.file.action]: { type: "file_input", files: [] } },
    [SUBMIT_INPUTS.comment.block]: {
      [SUBMIT_INPUTS.comment.action]: { type: "plain_text_input", value: comment },
    },
  };
}

/** `x` rounded to `decimals` places: a planner keeps a family's own precision (kg in tenths, units whole). */
const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** The consensus demand plan: the statistical baseline, untouched where the planners did not override it. */
async function consensusLines() {
  const baseline = await approvedPlan(TEAM, PERIOD, "data");
  if (!baseline) throw new Error("the data phase has no approved baseline");
  return planLines(baseline);
}

/** Scales the lines of `family` (before `until`, when given), keeping the family's precision. */
function scaleFamily<L extends { family: string; period: string; quantity: number }>(
  lines: L[],
  family: string,
  factor: number,
  until?: string,
): L[] {
  const decimals = precisionOf(lines.filter((l) => l.family === family).map((l) => l.quantity));
  return lines.map((l) =>
    l.family === family && (!until || l.period < until)
      ? { ...l, quantity: roundTo(l.quantity * factor, decimals) }
      : l,
  );
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function submitPhase(
  ctx: DemoContext,
  owner: Person,
  phase: string,
  csv: string,
  comment: string,
  scenario?: string,
) {
  const modal = await openModal(ctx, owner, `submit ${phase}`);
  const lines = csv.trimEnd().split("\n").length - 1;
  const ack = await submitModal(
    ctx,
    owner,
    modal,
    { ...paste(csv, comment), ...(scenario ? scenarioValue(scenario) : {}) },
    `pastes ${lines} plan lines${scenario ? ` as scenario “${scenario}”` : ""}${comment ? `, comment “${comment}”` : ""}, clicks [Submit]`,
  );
  if (ack !== null) throw new Error(`${phase} submission was not accepted: ${JSON.stringify(ack)}`);
}

/** The approved supply plan as plan CSV (what pre-S&OP, the executive meeting and implementation carry on). */
async function supplyCsv(): Promise<string> {
  const supply = planLines((await approvedPlan(TEAM, PERIOD, "supply"))!);
  return `family,period,quantity\n${supply.map((l) => `${csvCell(l.family)},${l.period},${l.quantity}`).join("\n")}\n`;
}

async function approve(ctx: DemoContext, approver: Person, phaseName: string, version: number) {
  const request = findMessage(ctx, "C0SOP", `Sign-off: ${phaseName} v${version} `);
  await click(ctx, approver, request, CYCLE_ACTIONS.approve, "Approve");
}

export const CYCLE_STEPS = [
  {
    title: "1 December, 08:00 — Lena opens the December cycle",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-01T07:00:00Z");
      await slash(ctx, "lead", `start ${PERIOD}`);
      await slash(ctx, "demand", "status");
    },
  },
  {
    title: "2 December — data phase: Ana generates the statistical baseline, Lena approves",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-02T09:30:00Z");
      const dm = findMessage(ctx, ctx.standIn.dmOf(PEOPLE.analyst.id), GENERATE_BASELINE_ACTION);
      await click(ctx, "analyst", dm, GENERATE_BASELINE_ACTION, "Generate statistical baseline");
      await approve(ctx, "lead", "Data gathering & statistical forecast", 1);
    },
  },
  {
    title:
      "Monday 7 December, 09:00 — last week's actuals arrive; the scheduler: KPI recompute, weekly digest, reminders (demand is due tomorrow)",
    run: async (ctx: DemoContext) => {
      await weeklyFeed(ctx, "2026-12-06", "2026-11-29");
      await tick(ctx, "2026-12-07T08:00:00Z");
    },
  },
  {
    title: "7 December — demand review: a rejected paste, a consensus plan, a changes request, v2 approved",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-07T10:00:00Z");
      const modal = await openModal(ctx, "demand", "submit demand");
      const bad =
        "family,period,quantity\nEspresso machines,2026-12,120\nEspresso machines,2026-13,80\nMilk frothers,2027-01,-5\n,2027-02,10\n";
      await submitModal(ctx, "demand", modal, paste(bad), "pastes a hand-edited CSV, clicks [Submit]");
      const lines = await consensusLines();
      const families = [...new Set(lines.map((l) => l.family))];
      const promo = families[0]!;
      const v1 = scaleFamily(lines, promo, 1.08);
      const csv = (rows: typeof lines) =>
        `family,period,quantity\n${rows.map((l) => `${csvCell(l.family)},${l.period},${l.quantity}`).join("\n")}\n`;
      await submitModal(
        ctx,
        "demand",
        modal,
        paste(csv(v1), `Consensus: +8 % on ${promo} for the spring promotion`),
        "pastes the consensus plan, clicks [Submit]",
      );
      const request = findMessage(ctx, "C0SOP", "Sign-off: Demand review v1 ");
      const before = ctx.standIn.views.size;
      await click(ctx, "sales", request, CYCLE_ACTIONS.requestChanges, "Request changes");
      const rc = await ctx.standIn.waitFor(
        () => ctx.standIn.views.size > before && ctx.standIn.lastViewFor(PEOPLE.sales.id),
      );
      await submitModal(
        ctx,
        "sales",
        rc,
        {
          [REQUEST_CHANGES_INPUT.block]: {
            [REQUEST_CHANGES_INPUT.action]: {
              type: "plain_text_input",
              value: `The ${families[1]} launch moved to March: shift its Q1 volume.`,
            },
          },
        },
        "writes why, clicks [Send]",
      );
      const target = families[1]!;
      const v2 = scaleFamily(v1, target, 0.6, "2027-03");
      const dm = findMessage(ctx, ctx.standIn.dmOf(PEOPLE.demand.id), CYCLE_ACTIONS.openSubmit);
      const viewsBefore = ctx.standIn.views.size;
      await click(ctx, "demand", dm, CYCLE_ACTIONS.openSubmit, "Submit a new version");
      const modal2 = await ctx.standIn.waitFor(
        () => ctx.standIn.views.size > viewsBefore && ctx.standIn.lastViewFor(PEOPLE.demand.id),
      );
      const ack = await submitModal(
        ctx,
        "demand",
        modal2,
        paste(csv(v2), `Moved the ${target} launch to March`),
        "pastes v2, clicks [Submit]",
      );
      if (ack !== null) throw new Error(`demand v2 was not accepted: ${JSON.stringify(ack)}`);
      await approve(ctx, "sales", "Demand review", 2);
    },
  },
  {
    title: "Sunday 13 December, 09:00 — supply is overdue: the scheduler escalates to Lena and #s-and-op",
    run: async (ctx: DemoContext) => {
      await tick(ctx, "2026-12-13T08:00:00Z", ["reminders"]);
    },
  },
  {
    title:
      "13 December — supply review: line 2's maintenance caps a family in February; Sam adds an overtime alternative, Omar approves both",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-13T10:00:00Z");
      const demand = await approvedPlan(TEAM, PERIOD, "demand");
      const lines = planLines(demand!);
      const families = [...new Set(lines.map((l) => l.family))];
      const capped = families[2]!;
      // Two families run at full capacity every seventh month.
      const tight = new Set([families[5], families[9]]);
      const rows = (overtime: boolean) =>
        lines.map((l, i) => {
          // Capacity in the unit's own precision; the maintenance months cap one family (overtime
          // gives it back).
          const maintenance = l.family === capped && MAINTENANCE.months.includes(l.period);
          const short = tight.has(l.family) && i % 7 === 0;
          const factor = maintenance ? (overtime ? 1.2 : MAINTENANCE.share) : short ? 0.92 : 1.15;
          const capacity = roundTo(l.quantity * factor, precisionOf([l.quantity]));
          return `${csvCell(l.family)},${l.period},${Math.min(l.quantity, capacity)},${capacity}`;
        });
      const csv = (overtime: boolean) => `family,period,quantity,capacity\n${rows(overtime).join("\n")}\n`;
      await submitPhase(
        ctx,
        "supply",
        "supply",
        csv(false),
        `Line 2 maintenance in February and March caps ${capped} at ${MAINTENANCE.share * 100} % of demand`,
      );
      await submitPhase(
        ctx,
        "supply",
        "supply",
        csv(true),
        `Weekend overtime on line 2 in February and March covers ${capped}`,
        "overtime",
      );
      await approve(ctx, "ops", "Supply review", 2);
    },
  },
  {
    title:
      "Monday 14 December, 09:00 — last week's actuals; the scheduler: KPI recompute, the digest for week 50, reminders",
    run: async (ctx: DemoContext) => {
      await weeklyFeed(ctx, "2026-12-13", "2026-12-06");
      await tick(ctx, "2026-12-14T08:00:00Z");
    },
  },
  {
    title: "14 December — financial review: Fiona's revenue plan, Carl approves; the gap report goes out",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-14T10:00:00Z");
      const demand = planLines((await approvedPlan(TEAM, PERIOD, "demand"))!);
      const price = (family: string) => 40 + (family.length % 9) * 35;
      const rows = demand.map(
        (l) =>
          `${csvCell(l.family)},${l.period},${l.quantity},${(l.quantity * price(l.family) * (l.period >= "2027-06" ? 0.97 : 1)).toFixed(2)}`,
      );
      await submitPhase(
        ctx,
        "finance",
        "finance",
        `family,period,quantity,revenue\n${rows.join("\n")}\n`,
        "Price list 2027; 3 % discount from June",
      );
      await approve(ctx, "cfo", "Financial review", 1);
    },
  },
  {
    title:
      "16 December — pre-S&OP reconciliation: the S&OP report is in #exec-sop; Lena gives Sam an action item",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2026-12-16T10:00:00Z");
      await logActionItem(ctx, "lead", "supply", "2026-12-18", OVERTIME_ACTION, "pre_sop");
      await submitPhase(
        ctx,
        "lead",
        "pre_sop",
        await supplyCsv(),
        "Recommend overtime on line 2 in February; see gap report",
      );
      await approve(ctx, "lead", "Pre-S&OP reconciliation", 1);
    },
  },
  {
    title:
      "17 December, 09:00 — the scheduler reminds Sam that his action item is due tomorrow; he closes it",
    run: async (ctx: DemoContext) => {
      await tick(ctx, "2026-12-17T08:00:00Z", ["reminders"]);
      ctx.clock.set("2026-12-17T11:00:00Z");
      await closeActionItem(ctx, "supply", OVERTIME_ACTION);
    },
  },
  {
    title:
      "Monday 21 December, 09:00 — last week's actuals; the scheduler: KPI recompute and the digest for week 51",
    run: async (ctx: DemoContext) => {
      await weeklyFeed(ctx, "2026-12-20", "2026-12-13");
      await tick(ctx, "2026-12-21T08:00:00Z");
    },
  },
  {
    title:
      "21–23 December — the executive meeting: Chloe logs the decision from the report and approves the overtime scenario; the approved report and the published plan go out; implementation",
    run: async (ctx: DemoContext) => {
      const csv = await supplyCsv();
      ctx.clock.set("2026-12-21T15:00:00Z");
      await submitPhase(ctx, "lead", "exec", csv, "Decision pack for the executive meeting");
      ctx.clock.set("2026-12-21T16:30:00Z");
      await logDecisionFrom(
        ctx,
        "ceo",
        reportSummary(ctx),
        "Go with overtime on line 2 in February; outsourcing stays the fallback for March",
        "exec",
      );
      await approveScenario(ctx, "ceo", "Executive S&OP", 1, "overtime");
      ctx.clock.set("2026-12-23T10:00:00Z");
      await submitPhase(ctx, "lead", "implement", csv, "Published to ERP");
      await approve(ctx, "lead", "Finalize & implement", 1);
    },
  },
  {
    title: "The closed cycle: status, history and the S&OP report on the command line",
    run: async (ctx: DemoContext) => {
      await slash(ctx, "ceo", `status ${PERIOD}`);
      await slash(ctx, "lead", `history ${PERIOD}`);
      await reportOnCommandLine(ctx, PERIOD);
      await settle(ctx);
    },
  },
  {
    title: "Chloe opens the executive dashboard in the bot's Home tab",
    run: async (ctx: DemoContext) => {
      ctx.transcript.showHomes = true;
      ctx.transcript.user(PEOPLE.ceo.id, "Slack", "opens the S&OP bot's Home tab");
      await ctx.driver.event(TEAM, {
        type: "app_home_opened",
        user: PEOPLE.ceo.id,
        channel: `D${PEOPLE.ceo.id}`,
        tab: "home",
        event_ts: `${Date.now() / 1000}`,
      });
      await settle(ctx);
      ctx.transcript.showHomes = false;
    },
  },
  {
    title:
      "Monday 4 January — the rest of December arrives: the whole month's KPIs, in Slack and on the command line",
    run: async (ctx: DemoContext) => {
      ctx.clock.set("2027-01-04T08:30:00Z");
      await weeklyFeed(ctx, "2027-01-03", "2026-12-20");
      await slash(ctx, "ceo", `kpi ${PERIOD}`);
      const r = await cli(ctx, ["kpi", "--team", TEAM, "--from", "2026-12-01", "--to", "2026-12-31"]);
      if (r.code !== 0) throw new Error(`sop kpi failed: ${r.stderr}`);
    },
  },
];

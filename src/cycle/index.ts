/** The cycle engine's public API (what Slack listeners, the CLI, reminders and the digest use). */

export type { CycleEvent, CycleState, CycleStatus, PhaseState, PhaseStatus } from "./cycle-state.ts";
export { cycleId, nextPhaseId } from "./cycle-state.ts";
export { getCycle } from "./cycle-store.ts";
export { checkDecision, type Decision, decidePhase } from "./decide.ts";
export { daysOverdue, phaseDueAt } from "./due-date.ts";
export { nearbyCycles, nearbyPeriods } from "./nearby-cycles.ts";
export { listOpenTasks, type OpenTask, tasksIn } from "./open-tasks.ts";
export { formatDay, formatWhen, mention, plainMentions } from "./people.ts";
export { addMonths, currentPeriod, isPeriod, periodRange } from "./period.ts";
export { isAdmin, isApprover, isOwner, phaseRoles } from "./roles.ts";
export { requirePeriod, startCycle } from "./start-cycle.ts";
export { type Blocking, type CycleReport, cycleReport, type PhaseReport } from "./status-report.ts";
export { checkSubmission, PlanRejectedError, submitPlan } from "./submit-plan.ts";

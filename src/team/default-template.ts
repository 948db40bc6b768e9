/** The default S&OP phase template (data, demand, supply, finance, pre-S&OP, executive, implement); a team's configuration may replace it. */
export const DEFAULT_PHASES = [
  { id: "data", name: "Data gathering & statistical forecast", dueDay: 3 },
  { id: "demand", name: "Demand review", dueDay: 8 },
  { id: "supply", name: "Supply review", dueDay: 12 },
  { id: "finance", name: "Financial review", dueDay: 15 },
  { id: "pre_sop", name: "Pre-S&OP reconciliation", dueDay: 18 },
  { id: "exec", name: "Executive S&OP", dueDay: 22 },
  { id: "implement", name: "Finalize & implement", dueDay: 25 },
] as const;

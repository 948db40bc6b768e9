/** Pure calendar helpers shared by actuals, KPIs, plans and schedules. */
export * from "./dates.ts";
export * from "./iso-week.ts";
export * from "./period.ts";
export * from "./today.ts";

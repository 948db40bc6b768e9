import { describe, expect, it } from "vitest";
import { daysOverdue, phaseDueAt } from "../../src/cycle/due-date.ts";
import { addMonths, currentPeriod, monthsBetween, periodRange } from "../../src/cycle/period.ts";
import { localDateParts, zonedTimeToUtc } from "../../src/cycle/time-zone.ts";

describe("phaseDueAt: the end of the due day in the team's time zone", () => {
  it.each([
    // period, dueDay, tz, expected instant (UTC)
    ["2027-01", 8, "Europe/Berlin", "2027-01-08T22:59:59.999Z"], // CET = UTC+1
    ["2027-07", 8, "Europe/Berlin", "2027-07-08T21:59:59.999Z"], // CEST = UTC+2
    ["2027-01", 8, "UTC", "2027-01-08T23:59:59.999Z"],
    ["2027-01", 8, "America/New_York", "2027-01-09T04:59:59.999Z"], // EST = UTC−5
    ["2027-01", 8, "Asia/Kolkata", "2027-01-08T18:29:59.999Z"], // UTC+5:30
    ["2027-01", 8, "Pacific/Kiritimati", "2027-01-08T09:59:59.999Z"], // UTC+14
    ["2027-02", 31, "UTC", "2027-02-28T23:59:59.999Z"], // clamped to the month
    ["2028-02", 31, "UTC", "2028-02-29T23:59:59.999Z"], // leap year
    ["2027-04", 31, "Europe/Berlin", "2027-04-30T21:59:59.999Z"],
    ["2027-03", 28, "Europe/Berlin", "2027-03-28T21:59:59.999Z"], // the DST day itself (switch at 02:00)
    ["2027-10", 31, "Europe/Berlin", "2027-10-31T22:59:59.999Z"], // back to CET that morning
  ])("%s day %i in %s", (period, day, tz, iso) => {
    expect(phaseDueAt(period, day, tz).toISOString()).toBe(iso);
  });

  it("counts whole days overdue, from the first millisecond after the due day", () => {
    const due = phaseDueAt("2027-01", 8, "Europe/Berlin");
    expect(daysOverdue(due, new Date(due.getTime()))).toBe(0);
    expect(daysOverdue(due, new Date(due.getTime() + 1))).toBe(1);
    expect(daysOverdue(due, new Date(due.getTime() + 86_400_000))).toBe(1);
    expect(daysOverdue(due, new Date(due.getTime() + 86_400_001))).toBe(2);
    expect(daysOverdue(due, new Date(due.getTime() - 5))).toBe(0);
  });
});

describe("wall-clock conversion", () => {
  it("round-trips local times, and handles DST gaps and overlaps", () => {
    const t = zonedTimeToUtc("Europe/Berlin", 2027, 3, 28, 12, 0);
    expect(t.toISOString()).toBe("2027-03-28T10:00:00.000Z");
    expect(localDateParts(t, "Europe/Berlin")).toMatchObject({ year: 2027, month: 3, day: 28, hour: 12 });
    // 02:30 does not exist on 28 March in Berlin: lands after the jump, at 03:30 CEST.
    expect(zonedTimeToUtc("Europe/Berlin", 2027, 3, 28, 2, 30).toISOString()).toBe(
      "2027-03-28T01:30:00.000Z",
    );
    // 02:30 happens twice on 31 October: the earlier (CEST) one.
    expect(zonedTimeToUtc("Europe/Berlin", 2027, 10, 31, 2, 30).toISOString()).toBe(
      "2027-10-31T00:30:00.000Z",
    );
  });
});

describe("periods", () => {
  it("steps months across years", () => {
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2027-12", 1)).toBe("2028-01");
    expect(addMonths("2027-01", 17)).toBe("2028-06");
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
    expect(periodRange("2027-11", 3)).toEqual(["2027-11", "2027-12", "2028-01"]);
  });

  it("takes the current month from the team's time zone, not UTC", () => {
    const instant = new Date("2027-01-31T23:30:00Z");
    expect(currentPeriod("UTC", instant)).toBe("2027-01");
    expect(currentPeriod("Europe/Berlin", instant)).toBe("2027-02");
    expect(currentPeriod({ timezone: "America/Los_Angeles" }, { now: () => instant })).toBe("2027-01");
  });
});

import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWeeks,
  daysBetween,
  isoWeekMonday,
  isoWeekOf,
  isoWeekSunday,
  localDateOf,
  monthWindow,
  parseIsoDate,
  parseIsoWeek,
  parsePeriod,
  weeksEndingWith,
  weeksInIsoYear,
} from "../../src/time/index.ts";

describe("ISO weeks", () => {
  it("knows which years have a week 53", () => {
    expect(weeksInIsoYear(2026)).toBe(53); // 1 Jan 2026 is a Thursday
    expect(weeksInIsoYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(weeksInIsoYear(2015)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2027)).toBe(52);
    expect(parseIsoWeek("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek("2025-W53")).toBeNull();
    expect(parseIsoWeek("2026-W00")).toBeNull();
    expect(parseIsoWeek("2026-W1")).toBeNull();
  });

  it("puts week 1's Monday in the previous year when 1 January is late in the week", () => {
    expect(isoWeekMonday("2026-W01")).toBe("2025-12-29");
    expect(isoWeekOf("2025-12-29")).toBe("2026-W01");
    expect(isoWeekOf("2025-12-28")).toBe("2025-W52");
    expect(isoWeekMonday("2021-W01")).toBe("2021-01-04");
  });

  it("gives dates early in January to the previous year's last week", () => {
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-03")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-04")).toBe("2027-W01");
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
    expect(isoWeekMonday("2026-W53")).toBe("2026-12-28");
    expect(isoWeekSunday("2026-W53")).toBe("2027-01-03");
  });

  it("steps across week 53 and year ends", () => {
    expect(addWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2026-W01", -1)).toBe("2025-W52");
    expect(weeksEndingWith("2027-W02", 4)).toEqual(["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
  });

  it("agrees with a day-by-day walk over 30 years", () => {
    let week = "1999-W52"; // 1999-12-27 is its Monday
    for (let day = parseIsoDate("1999-12-27")!; day < parseIsoDate("2030-01-01")!; day += 7) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoWeekMonday(week)).toBe(date);
      expect(isoWeekOf(addDays(date, 6))).toBe(week);
      week = addWeeks(week, 1);
    }
  });
});

describe("dates and periods", () => {
  it("rejects dates that do not exist and accepts leap days", () => {
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-02-29")).toBeNull();
    expect(parseIsoDate("2100-02-29")).toBeNull();
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
    expect(parseIsoDate("2000-02-29")).not.toBeNull();
    expect(parseIsoDate("2026-13-01")).toBeNull();
    expect(parseIsoDate("2026-1-01")).toBeNull();
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2028-02-27", "2028-03-01")).toBe(3);
    expect(daysBetween("2027-02-27", "2027-03-01")).toBe(2);
  });

  it("parses months and weeks to their first day", () => {
    expect(parsePeriod("2026-03")).toEqual({ kind: "month", label: "2026-03", start: "2026-03-01" });
    expect(parsePeriod("2026-W01")).toEqual({ kind: "week", label: "2026-W01", start: "2025-12-29" });
    expect(parsePeriod("2026-13")).toBeNull();
    expect(parsePeriod("2026-00")).toBeNull();
    expect(parsePeriod("2025-W53")).toBeNull();
    expect(monthWindow("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("takes today in the team's time zone", () => {
    const instant = new Date("2026-11-30T23:30:00Z");
    expect(localDateOf(instant, "UTC")).toBe("2026-11-30");
    expect(localDateOf(instant, "Europe/Berlin")).toBe("2026-12-01");
    expect(localDateOf(instant, "America/Los_Angeles")).toBe("2026-11-30");
  });
});

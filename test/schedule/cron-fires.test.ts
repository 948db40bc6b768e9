import { describe, expect, it } from "vitest";
import { cronMatcher } from "../../src/schedule/cron-fires.ts";
import { localDateKey, localIsoWeekKey, zonedInstant } from "../../src/schedule/local-time.ts";

const H = 3600_000;

describe("cron fire times in the team's time zone", () => {
  it("finds Monday 08:00 Berlin (07:00 UTC in winter) and nothing before it", () => {
    const m = cronMatcher("0 8 * * 1", "Europe/Berlin");
    const monday0800 = new Date("2027-01-04T07:00:00Z");
    expect(m.lastFireBetween(new Date(monday0800.getTime() - 6 * H), monday0800)).toEqual(monday0800);
    expect(m.lastFireBetween(new Date("2027-01-04T00:00:00Z"), new Date("2027-01-04T06:59:59Z"))).toBeNull();
    // Within the catch-up window an hour later, still the same fire.
    expect(m.lastFireBetween(new Date("2027-01-04T02:00:00Z"), new Date("2027-01-04T08:00:00Z"))).toEqual(
      monday0800,
    );
    // Tuesday: the window no longer reaches Monday's fire.
    expect(m.lastFireBetween(new Date("2027-01-05T00:00:00Z"), new Date("2027-01-05T12:00:00Z"))).toBeNull();
  });

  it("follows daylight saving time (08:00 Berlin = 06:00 UTC in summer)", () => {
    const m = cronMatcher("0 8 * * *", "Europe/Berlin");
    const fire = m.lastFireBetween(new Date("2027-07-01T00:00:00Z"), new Date("2027-07-01T12:00:00Z"));
    expect(fire?.toISOString()).toBe("2027-07-01T06:00:00.000Z");
    // The spring-forward day (28 March 2027) still fires at 08:00 local = 06:00 UTC.
    const dst = m.lastFireBetween(new Date("2027-03-28T00:00:00Z"), new Date("2027-03-28T12:00:00Z"));
    expect(dst?.toISOString()).toBe("2027-03-28T06:00:00.000Z");
  });

  it("picks the latest of several fires, across midnight, with seconds fields", () => {
    const m = cronMatcher("*/15 9-17 * * mon-fri", "America/New_York");
    const fire = m.lastFireBetween(new Date("2027-01-04T00:00:00Z"), new Date("2027-01-04T15:07:30Z"));
    expect(fire?.toISOString()).toBe("2027-01-04T15:00:00.000Z"); // 10:00 New York
    const weekend = m.lastFireBetween(new Date("2027-01-09T00:00:00Z"), new Date("2027-01-10T23:00:00Z"));
    expect(weekend).toBeNull();
    const s = cronMatcher("*/10 * * * * *", "UTC");
    expect(
      s.lastFireBetween(new Date("2027-01-04T00:00:00Z"), new Date("2027-01-04T10:00:09Z"))?.toISOString(),
    ).toBe("2027-01-04T10:00:00.000Z");
    const nightly = cronMatcher("30 23 * * *", "UTC");
    expect(
      nightly
        .lastFireBetween(new Date("2027-01-04T20:00:00Z"), new Date("2027-01-05T01:00:00Z"))
        ?.toISOString(),
    ).toBe("2027-01-04T23:30:00.000Z");
  });

  it("honours node-cron's last-day-of-month token", () => {
    const m = cronMatcher("0 18 L * *", "UTC");
    expect(
      m.lastFireBetween(new Date("2027-02-01T00:00:00Z"), new Date("2027-03-01T00:00:00Z"))?.toISOString(),
    ).toBe("2027-02-28T18:00:00.000Z");
  });

  it("keys periods by the local date and ISO week", () => {
    // 23:30 UTC on Sunday 3 Jan 2027 is already Monday in Berlin: ISO week 1 of 2027.
    const at = new Date("2027-01-03T23:30:00Z");
    expect(localDateKey(at, "Europe/Berlin")).toBe("2027-01-04");
    expect(localIsoWeekKey(at, "Europe/Berlin")).toBe("2027-W01");
    expect(localIsoWeekKey(at, "UTC")).toBe("2026-W53");
    expect(
      zonedInstant(
        { year: 2027, month: 10, day: 31, hour: 1, minute: 30, second: 0 },
        "Europe/Berlin",
      ).toISOString(),
    ).toMatch(/^2027-10-30T23:30:00|^2027-10-31T00:30:00/);
  });
});

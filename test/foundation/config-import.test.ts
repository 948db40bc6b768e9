/** `sop config import`: field-named errors for a bad file, nothing stored; a good file is stored. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTeamConfig } from "../../src/store/team-config.ts";
import { loadTeamConfig } from "../../src/team/team-config-store.ts";
import { sop as run } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

const dir = mkdtempSync(join(tmpdir(), "sop-config-"));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("sop config import", () => {
  beforeAll(async () => {
    // The CLI connects on its own: point it at this file's database.
    process.env.MONGODB_URI = await connectTestDatabase("config");
  });
  afterAll(async () => {
    delete process.env.MONGODB_URI;
    await dropTestDatabase();
  });

  it("stores examples/team.json", async () => {
    const r = await run(["config", "import", "examples/team.json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ team: "T0SIM", stored: true });
    const { connectDatabase } = await import("../../src/db/connection.ts");
    await connectDatabase(process.env.MONGODB_URI!);
    const cfg = await loadTeamConfig("T0SIM");
    expect(cfg?.phases.map((p) => p.id)).toEqual([
      "data",
      "demand",
      "supply",
      "finance",
      "pre_sop",
      "exec",
      "implement",
    ]);
    expect(cfg?.timezone).toBe("Europe/Berlin");
  });

  it("accepts the design brief's minimal example", async () => {
    const r = await run([
      "config",
      "import",
      file("min.json", {
        team: "T0MIN",
        timezone: "Europe/Berlin",
        admins: ["U0LEAD"],
        channels: { sop: "C0SOP", exec: "C0EXEC" },
        phases: [
          { id: "demand", name: "Demand review", owners: ["U0DP"], approvers: ["U0SALES"], dueDay: 8 },
        ],
        kpis: { onTimeDelivery: { target: 0.95, amber: 0.9 } },
        schedules: { kpi: "0 6 * * *", digest: "0 8 * * 1", reminders: "0 9 * * *" },
      }),
    ]);
    expect(r.code).toBe(0);
  });

  it.each([
    ["a bad time zone", { timezone: "Mars/Olympus" }, "timezone: must be an IANA time zone"],
    [
      "a bad owner id",
      { phases: [{ id: "demand", name: "D", owners: ["bob"], approvers: ["U0S"], dueDay: 8 }] },
      "phases[0].owners[0]: must be a Slack user id",
    ],
    [
      "a due day of 32",
      { phases: [{ id: "demand", name: "D", owners: ["U0A"], approvers: ["U0S"], dueDay: 32 }] },
      "phases[0].dueDay",
    ],
    [
      "a duplicate phase",
      {
        phases: [
          { id: "demand", name: "D", owners: ["U0A"], approvers: ["U0S"], dueDay: 8 },
          { id: "demand", name: "E", owners: ["U0A"], approvers: ["U0S"], dueDay: 9 },
        ],
      },
      'phases[1].id: duplicate phase id "demand"',
    ],
    [
      "a bad cron",
      { schedules: { digest: "every monday" } },
      "schedules.digest: must be a valid cron expression",
    ],
    ["a missing channel", { channels: { sop: "C0SOP" } }, "channels.exec"],
    ["an unknown field", { colour: "blue" }, "colour"],
  ])("rejects %s with a field-named error and stores nothing", async (_name, patch, expected) => {
    const base = JSON.parse(
      await import("node:fs").then((fs) => fs.readFileSync("examples/team.json", "utf8")),
    );
    const path = file("bad.json", { ...base, team: "T0BAD", ...patch });
    const r = await run(["config", "import", path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(expected);
    const { connectDatabase } = await import("../../src/db/connection.ts");
    await connectDatabase(process.env.MONGODB_URI!);
    expect(await readTeamConfig("T0BAD")).toBeNull();
  });

  it("rejects a file that is not JSON, naming the file", async () => {
    const r = await run(["config", "import", file("broken.json", "{ team: ")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it("prints usage for an unknown command and exits 2", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command");
  });
});

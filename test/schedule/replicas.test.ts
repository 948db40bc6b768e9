/**
 * Exactly once across replicas: three separate processes, each with its own connection and Scheduler,
 * against one database, ticked in parallel with slightly different clocks.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { JobRunClaimModel } from "../../src/db/models/job-run-claim.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { clearTeamConfigs, type EffectDoc, effects, saveTeam } from "./fixtures.ts";

const script = fileURLToPath(new URL("../support/scheduler-process.ts", import.meta.url));
const MIN = 60_000;

interface Replica {
  owner: string;
  child: ChildProcess;
  messages: Record<string, unknown>[];
  tick(now: Date): Promise<Record<string, unknown>>;
}

const children: ChildProcess[] = [];
let uri = "";

async function startReplica(owner: string, env: Record<string, string> = {}): Promise<Replica> {
  const child = fork(script, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, MONGODB_URI: uri, OWNER: owner, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const messages: Record<string, unknown>[] = [];
  const waiting = new Map<number, (m: Record<string, unknown>) => void>();
  let seq = 0;
  child.on("message", (m) => {
    const msg = m as Record<string, unknown>;
    messages.push(msg);
    if (msg.type === "ticked") waiting.get(msg.id as number)?.(msg);
  });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`replica ${owner} did not start`)), 60_000);
    child.on("message", (m) => {
      if ((m as { type: string }).type === "ready") {
        clearTimeout(t);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`replica ${owner} exited with ${code}`)));
  });
  return {
    owner,
    child,
    messages,
    tick: (now) =>
      new Promise((resolve) => {
        const id = ++seq;
        waiting.set(id, resolve);
        child.send({ type: "tick", id, now: now.toISOString() });
      }),
  };
}

function killAll(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

describe("exactly once across three replica processes", () => {
  beforeAll(async () => {
    uri = await connectTestDatabase("replicas");
  });
  afterEach(async () => {
    killAll();
    await JobRunModel.deleteMany({});
    await JobRunClaimModel.deleteMany({});
    await clearTeamConfigs();
    await effects().deleteMany({});
  });
  afterAll(async () => {
    killAll();
    await dropTestDatabase();
  });

  it("runs each job once per team and period over two weeks of ticks", async () => {
    await saveTeam("T0AAA"); // Europe/Berlin
    await saveTeam("T0BBB", {
      timezone: "America/New_York",
      schedules: { kpi: "30 5 * * *", digest: "0 7 * * 5", reminders: "0 9 * * 1-5" },
    });
    const replicas = await Promise.all(["p1", "p2", "p3"].map((o) => startReplica(o)));
    const start = Date.parse("2027-01-04T00:00:00Z"); // a Monday
    const end = Date.parse("2027-01-18T00:00:00Z");
    let rounds = 0;
    for (let t = start; t < end; t += 37 * MIN) {
      // Replica clocks disagree by up to a couple of minutes, as real hosts do.
      await Promise.all(replicas.map((r, i) => r.tick(new Date(t + (i - 1) * 97_000))));
      rounds++;
    }
    expect(rounds).toBeGreaterThan(500);

    const all = (await effects().find({}).toArray()) as unknown as EffectDoc[];
    const ends = all.filter((e) => e.phase === "end");
    expect(all.filter((e) => e.phase === "start")).toHaveLength(ends.length);
    const count = (team: string, job: string) =>
      ends.filter((e) => e.teamId === team && e.job === job).length;
    expect(count("T0AAA", "kpi")).toBe(14);
    expect(count("T0AAA", "reminders")).toBe(14);
    expect(count("T0AAA", "digest")).toBe(2);
    expect(count("T0BBB", "kpi")).toBe(14);
    expect(count("T0BBB", "reminders")).toBe(10); // weekdays only
    expect(count("T0BBB", "digest")).toBe(2); // Fridays
    const keys = ends.map((e) => `${e.teamId}|${e.job}|${e.periodKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every replica did some of the work: the claims, not one process, decided.
    expect(new Set(ends.map((e) => e.owner)).size).toBe(3);
    const runs = await JobRunModel.find({}).lean();
    expect(runs).toHaveLength(56);
    expect(runs.every((r) => r.status === "done" && r.attempt === 1)).toBe(true);
  }, 180_000);

  it("takes over a run whose process was killed mid-run, only after the lease", async () => {
    await saveTeam("T0AAA");
    const replicas = await Promise.all(
      ["p1", "p2", "p3"].map((o) => startReplica(o, { SLOW_JOB: "digest", LEASE_MS: String(5 * MIN) })),
    );
    // Monday 08:00:30 Berlin: the digest is due on all three.
    const t0 = new Date("2027-01-04T07:00:30Z");
    for (const r of replicas) void r.tick(t0);
    const started = await new Promise<{ replica: Replica; msg: Record<string, unknown> }>(
      (resolve, reject) => {
        const deadline = Date.now() + 20_000;
        const poll = setInterval(() => {
          for (const replica of replicas) {
            const msg = replica.messages.find((m) => m.type === "job-started" && m.job === "digest");
            if (msg) {
              clearInterval(poll);
              resolve({ replica, msg });
            }
          }
          if (Date.now() > deadline) {
            clearInterval(poll);
            reject(new Error("no replica started the digest"));
          }
        }, 20);
      },
    );
    expect(started.msg.attempt).toBe(1);
    started.replica.child.kill("SIGKILL");
    await new Promise((r) => started.replica.child.once("exit", r));
    const survivors = replicas.filter((r) => r !== started.replica);

    // Inside the lease: nobody touches it.
    const early = await Promise.all(survivors.map((r) => r.tick(new Date("2027-01-04T07:04:00Z"))));
    for (const o of early) {
      expect(
        (o.outcomes as { job: string; reason?: string }[]).find((x) => x.job === "digest"),
      ).toMatchObject({
        reason: "running",
      });
    }
    expect(await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" })).toMatchObject({
      status: "running",
      attempt: 1,
      owner: started.replica.owner,
    });

    // After the lease (07:05:30): exactly one survivor takes it over and finishes it.
    await Promise.all(survivors.map((r) => r.tick(new Date("2027-01-04T07:06:00Z"))));
    const run = await findRun({ teamId: "T0AAA", job: "digest", periodKey: "2027-W01" });
    expect(run).toMatchObject({ status: "done", attempt: 2 });
    expect(survivors.map((s) => s.owner)).toContain(run?.owner);
    expect(run?.attempts.map((a) => [a.via, a.owner])).toEqual([
      ["claim", started.replica.owner],
      ["takeover", run?.owner],
    ]);
    const digest = (await effects().find({ job: "digest" }).toArray()) as unknown as EffectDoc[];
    expect(
      digest
        .filter((e) => e.phase === "start")
        .map((e) => e.attempt)
        .sort(),
    ).toEqual([1, 2]);
    expect(digest.filter((e) => e.phase === "end")).toHaveLength(1);
    // And never again.
    await Promise.all(survivors.map((r) => r.tick(new Date("2027-01-04T09:00:00Z"))));
    expect(await effects().countDocuments({ job: "digest", phase: "end" })).toBe(1);
  }, 120_000);
});

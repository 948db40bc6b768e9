/**
 * Every team-scoped read and write is served by an index on a real MongoDB: an `_id` lookup or prefix
 * range, or a declared index. Watched through a whole demo month (`npm run demo`, every command its
 * database client sends read off the wire by a recording proxy): any find, aggregate, update, delete,
 * count, distinct or findAndModify whose filter is neither fails the test.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { repoRoot, withDatabase } from "../../src/db/provision.ts";
import { served, unservedQueries } from "../support/query-audit.ts";
import { WireRecorder } from "../support/wire-recorder.ts";

describe("every query is served by an index", () => {
  const outDir = mkdtempSync(join(tmpdir(), "sop-indexed-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("the audit itself: an _id lookup, an _id range and a declared index pass; a scan does not", () => {
    const leading = new Set(["_id", "teamId"]);
    expect(served({ _id: "T|2027-01" }, leading)).toBe(true);
    expect(served({ _id: { $gte: "T|", $lt: "T}" } }, leading)).toBe(true);
    expect(served({ _id: { $in: ["a", "b"] }, status: "open" }, leading)).toBe(true);
    expect(served({ teamId: "T", week: { $lt: "2027-W01" } }, leading)).toBe(true);
    expect(served({}, leading)).toBe(false);
    expect(served(undefined, leading)).toBe(false);
    expect(served({ status: "running" }, leading)).toBe(false);
    expect(served({ _id: { $ne: "x" } }, leading)).toBe(false);
    expect(served({ $or: [{ _id: "a" }, { status: "x" }] }, leading)).toBe(false);
  });

  it("through a whole demo month", { timeout: 600_000 }, async () => {
    const upstream = new URL(inject("mongoServerUri"));
    const recorder = await new WireRecorder({ host: upstream.hostname, port: Number(upstream.port) }).start();
    try {
      const uri = withDatabase(`mongodb://127.0.0.1:${recorder.port}/`, `indexed_${process.pid}`);
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn("npm", ["run", "-s", "demo"], {
          cwd: repoRoot,
          env: { ...process.env, MONGODB_URI: uri, DEMO_OUT_DIR: outDir, LOG_LEVEL: "warn" },
          stdio: ["ignore", "ignore", "pipe"],
        });
        let err = "";
        child.stderr.on("data", (c) => {
          err = (err + c).slice(-3000);
        });
        child.on("close", (c) => done({ code: c, stderr: err }));
      });
      expect(code, stderr).toBe(0);
      const kinds = new Set(recorder.commands.map((e) => e.commandName));
      // The month did read and write: the audit saw real traffic.
      for (const k of ["find", "insert", "update"]) expect(kinds).toContain(k);
      expect(recorder.commands.length).toBeGreaterThan(500);
      expect(recorder.unreadable).toEqual([]);
      expect(unservedQueries(recorder.commands)).toEqual([]);
    } finally {
      await recorder.stop();
    }
  });
});

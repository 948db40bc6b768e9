/**
 * All database access goes through src/store/ (src/db/ holds the connection and the models): no other
 * module imports a model, mongoose or the MongoDB driver. Read from the import statements of every
 * source file outside test/ (tests may reach the database directly to set up a fault or check what is
 * stored, as an operator with a shell would).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/db/provision.ts";

const ROOTS = ["src", "commands", "views", "jobs", "scripts", "bench", "bin"];
const ALLOWED = ["src/store/", "src/db/"];
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

/** What a file imports that only the store may import: models, mongoose, the driver. */
function databaseImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return specifiers(text).filter((spec) => {
    if (spec === "mongoose" || spec === "mongodb" || spec.startsWith("mongodb/")) return true;
    if (!spec.startsWith(".")) return false;
    const target = relative(repoRoot, resolve(dirname(file), spec));
    return target.startsWith("src/db/models/");
  });
}

describe("the store boundary", () => {
  const files = ROOTS.flatMap((r) => sourceFiles(join(repoRoot, r))).map((f) => relative(repoRoot, f));

  it("reads the import statements it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(databaseImports(join(repoRoot, "src/store/cycles.ts"))).toEqual([
      "../db/models/cycle.ts",
      "../db/models/cycle-event.ts",
    ]);
    expect(specifiers('import type { A } from "mongodb";\nconst m = await import("./x.ts");')).toEqual([
      "mongodb",
      "./x.ts",
    ]);
  });

  it("no module outside src/store/ and src/db/ imports a model, mongoose or the driver", () => {
    const offenders = files
      .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
      .map((f) => ({ file: f, imports: databaseImports(join(repoRoot, f)) }))
      .filter((o) => o.imports.length > 0);
    expect(offenders).toEqual([]);
  });
});

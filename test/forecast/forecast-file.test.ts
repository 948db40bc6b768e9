import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastFileCommand } from "../../src/cli/commands/forecast-file.ts";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await forecastFileCommand(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const Q = [0.8, 1.1, 1.3, 0.8];
const quarterlyValues = (base: number, n: number) =>
  Array.from({ length: n }, (_, t) => Number((base * Q[t % 4]!).toFixed(4)));
const header = (cols: number, start = "Starting Quarter") =>
  `Series,N,NF,Category,Starting Year,${start},${Array.from({ length: cols }, (_, i) => i + 1).join(",")}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "forecast-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("sop forecast-file", () => {
  it("forecasts a quarterly file, H defaulting to each row's NF", async () => {
    const a = quarterlyValues(100, 28); // 24 to train, 4 held out
    const b = quarterlyValues(40, 22); // padded on the right with empty cells, as in M3
    const text = [
      header(28),
      `Q1,28,4,MICRO       ,1990,1,${a.join(",")}`,
      `"Q2, special",22,2,INDUSTRY,1991,2,${b.join(",")}${",".repeat(6)}`,
      "",
    ].join("\r\n");
    const path = await file("quarterly.csv", `\uFEFF${text}`);
    const r = await run([path, "--season", "4"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("series,step,forecast");
    expect(lines).toHaveLength(1 + 4 + 2);
    // Exact seasonal pattern: forecasts repeat it (training ends after a full year).
    const q1 = lines.slice(1, 5).map((l) => l.split(","));
    q1.forEach(([series, step, value], i) => {
      expect(series).toBe("Q1");
      expect(step).toBe(String(i + 1));
      expect(Number(value)).toBeCloseTo(100 * Q[i]!, 3);
    });
    // Q2 trains on 20 values (5 years) so the next quarter is Q[0].
    expect(lines[5]).toMatch(/^"Q2, special",1,/);
    expect(Number(lines[5]!.split(",").at(-1))).toBeCloseTo(40 * Q[0]!, 3);
  });

  it("forecasts a non-seasonal file with --horizon", async () => {
    const line = Array.from({ length: 15 }, (_, t) => 10 + 2 * t);
    const path = await file(
      "yearly.csv",
      `${header(15, "Starting Month")}\nY1,15,3,MACRO,1980,1,${line.join(",")}\n`,
    );
    const r = await run([path, "--season=1", "--horizon", "5"]);
    expect(r.code).toBe(0);
    const values = r.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => Number(l.split(",")[2]));
    // Trained on the first 12 values (10..32): the line continues at 34, 36, …
    expect(values).toHaveLength(5);
    values.forEach((v, i) => {
      expect(v).toBeCloseTo(34 + 2 * i, 1);
    });
  });

  it("treats an empty interior cell as a missing month", async () => {
    const path = await file(
      "hole.csv",
      `${header(8, "Starting Month")}\nH1,8,2,OTHER,2000,1,1,2,,4,5,6,7,8\n`,
    );
    const r = await run([path, "--season", "1"]);
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim().split("\n")[1]!.split(",")[2])).toBeCloseTo(7, 1);
  });

  it("names the line of a non-numeric value", async () => {
    const ok = quarterlyValues(100, 12).join(",");
    const path = await file(
      "bad-value.csv",
      `${header(12)}\nQ1,12,4,MICRO,1990,1,${ok}\nQ2,12,4,MICRO,1990,1,1,2,3,4,abc,6,7,8,9,10,11,12\n`,
    );
    const r = await run([path, "--season", "4"]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/line 3: value 5 \(column 11\) is not a number: "abc"/);
  });

  it("names the line where N disagrees with the values present", async () => {
    const path = await file(
      "bad-n.csv",
      `${header(12)}\nQ1,12,4,MICRO,1990,1,${quarterlyValues(100, 12).join(",")}\n\nQ2,11,4,MICRO,1990,1,${quarterlyValues(100, 10).join(",")},,\n`,
    );
    const r = await run([path, "--season", "4"]);
    expect(r.code).not.toBe(0);
    // Line 3 is blank; the bad row is on line 4.
    expect(r.stderr).toMatch(/line 4: N is 11 but the row has 10 values/);
  });

  it("names the line of a malformed quoted cell and rejects hexadecimal values", async () => {
    const quoted = await file("bad-quote.csv", `${header(2)}\nA,2,1,X,1,1,1,2\n"B,2,1,X,1,1,1,2\n`);
    const r = await run([quoted, "--season", "1"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 3: malformed CSV/);
    const hex = await file("hex.csv", `${header(2)}\nA,2,1,X,1,1,0x10,2\n`);
    const r2 = await run([hex, "--season", "1"]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/line 2: value 1 \(column 7\) is not a number: "0x10"/);
  });

  it("rejects more values than the header has columns", async () => {
    const path = await file("wide.csv", `${header(2)}\nA,3,1,X,1,1,1,2,3\n`);
    const r = await run([path, "--season", "1"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 2: 3 values but the header has only 2 value columns/);
  });

  it("prints usage on --help", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: sop forecast-file IN\.csv --season M \[--horizon H\]/);
  });

  it("rejects a bad header on line 1", async () => {
    const path = await file(
      "bad-header.csv",
      "Name,N,NF,Category,Starting Year,Starting Month,1,2\nA,2,1,X,1,1,1,2\n",
    );
    const r = await run([path, "--season", "1"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 1: bad header/);
  });

  it("fails clearly on a missing file and on bad arguments", async () => {
    const missing = await run([join(dir, "nope.csv"), "--season", "4"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/);
    const noSeason = await run([join(dir, "nope.csv")]);
    expect(noSeason.code).toBe(2);
    expect(noSeason.stderr).toMatch(/missing --season/);
    const badSeason = await run([join(dir, "nope.csv"), "--season", "x"]);
    expect(badSeason.code).toBe(2);
    expect(badSeason.stderr).toMatch(/--season needs a positive integer/);
  });
});

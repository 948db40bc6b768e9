/**
 * `npm run demo` is also a smoke test: it drives the same app through the same stand-in. Its HTML
 * transcript is opened in headless Chromium and the screenshot must show something.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Canvas, loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/db/provision.ts";
import { testDatabaseUri } from "../support/database.ts";

const out = join(repoRoot, "demo-out");

describe("npm run demo", () => {
  let stdout = "";
  beforeAll(() => {
    const r = spawnSync("npm", ["run", "-s", "demo"], {
      cwd: repoRoot,
      env: { ...process.env, MONGODB_URI: testDatabaseUri("demo"), LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 240_000,
    });
    stdout = r.stdout;
    if (r.status !== 0) throw new Error(`demo failed (${r.status}): ${r.stderr.slice(-3000)}`);
  }, 300_000);

  it("writes the transcript and the HTML page", () => {
    const text = readFileSync(join(out, "transcript.txt"), "utf8");
    expect(text).toContain("/sop help");
    expect(text).toContain("sop config import examples/team.json");
    expect(stdout).toContain("S&OP bot — commands");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<main>");
    expect(html).toContain("sop bot");
  });

  it("renders in headless Chromium to a screenshot that is not blank", async () => {
    const chromium = ["chromium", "chromium-browser", "google-chrome"].find(
      (c) => spawnSync("which", [c]).status === 0,
    );
    expect(chromium, "Debian's chromium must be installed (.ci/run installs it)").toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "sop-shot-"));
    const shot = join(dir, "demo.png");
    execFileSync(
      chromium!,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${join(dir, "profile")}`,
        "--window-size=1000,1400",
        `--screenshot=${shot}`,
        `file://${join(out, "index.html")}`,
      ],
      { timeout: 60_000, stdio: "ignore" },
    );
    expect(existsSync(shot)).toBe(true);
    const img = await loadImage(readFileSync(shot));
    expect(img.width).toBe(1000);
    const canvas = new Canvas(img.width, img.height);
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    let nonWhite = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      colours.add(rgb);
      if (rgb !== 0xffffff && rgb !== 0xf8f8f8) nonWhite++;
    }
    expect(colours.size).toBeGreaterThan(20);
    expect(nonWhite).toBeGreaterThan(2000);
  });
});

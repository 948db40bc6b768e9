import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { forecast } from "../../src/forecast/forecast.ts";
import { readM3File } from "../../src/forecast/m3.ts";
import { smape } from "../../src/forecast/metrics.ts";

// Every 28th series of the public M3 monthly file, kept in the repository (test/fixtures/m3/README.md).
const M3 = fileURLToPath(new URL("../fixtures/m3/M3C_Monthly-subset.csv", import.meta.url));

describe("M3 monthly, fixed 50-series subset (every 28th series)", () => {
  it("ours beats classic Theta and stays under the recorded bound", async () => {
    const sha = createHash("sha256").update(readFileSync(M3)).digest("hex");
    expect(sha).toBe("9e27ca97a5fd50bae681bc7931fcf11d53d95d1d6629c6760f3d6f0b93f813b2");
    const subset = await readM3File(M3);
    expect(subset).toHaveLength(50);
    let ours = 0;
    let theta = 0;
    for (const s of subset) {
      const train = s.values.slice(0, s.n - s.nf);
      const test = s.values.slice(s.n - s.nf);
      ours += smape(test, forecast(train, { season: 12, horizon: s.nf }));
      theta += smape(
        test,
        forecast(train, { season: 12, horizon: s.nf, method: "theta", nonNegative: false }),
      );
    }
    ours /= subset.length;
    theta /= subset.length;
    // Measured on 2026-11-25: ours 12.115, classic Theta 12.548.
    expect(ours).toBeLessThan(12.2);
    expect(ours).toBeLessThan(theta);
  });
});

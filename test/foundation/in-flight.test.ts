/** Post-ack work starts acks-first: held while a request waits for its ack (briefly), urgent work never. */
import { describe, expect, it } from "vitest";
import { InFlight } from "../../commands/in-flight.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("InFlight", () => {
  it("starts work at once when no request is waiting for its ack", async () => {
    const gate = new InFlight(1000);
    let ran = false;
    await gate.schedule(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it("holds new work while a request is unanswered, and starts all of it once none is", async () => {
    const gate = new InFlight(10_000);
    gate.noteRequest(1);
    gate.noteRequest(1);
    const started: number[] = [];
    const all = [0, 1, 2].map((i) => gate.schedule(async () => void started.push(i)));
    await tick();
    expect(started).toEqual([]);
    expect(gate.size).toBe(3);
    gate.noteRequest(-1);
    await tick();
    expect(started).toEqual([]);
    gate.noteRequest(-1);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2]);
    expect(gate.size).toBe(0);
  });

  it("never holds work longer than maxDelayMs (a steady stream of requests cannot starve it)", async () => {
    const gate = new InFlight(30);
    gate.noteRequest(1);
    const t = Date.now();
    await gate.schedule(async () => {});
    expect(Date.now() - t).toBeGreaterThanOrEqual(25);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it("starts urgent work (a modal's trigger_id) at once even while requests wait", async () => {
    const gate = new InFlight(10_000);
    gate.noteRequest(1);
    let ran = false;
    await gate.schedule(
      async () => {
        ran = true;
      },
      { urgent: true },
    );
    expect(ran).toBe(true);
  });

  it("drain waits for held work too; a failure is the caller's, not the gate's", async () => {
    const gate = new InFlight(20);
    gate.noteRequest(1);
    let done = false;
    const failed = gate.schedule(async () => {
      throw new Error("boom");
    });
    void gate.schedule(async () => {
      done = true;
    });
    expect(await gate.drain(1000)).toBe(true);
    expect(done).toBe(true);
    await expect(failed).rejects.toThrow("boom");
  });
});

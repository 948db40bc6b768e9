/**
 * Simple exponential smoothing with alpha and the initial level fitted by least squares on
 * in-sample one-step errors. The errors are linear in the initial level, so for each alpha the
 * best initial level has a closed form and only alpha needs a 1-D (golden-section) search.
 */
import { goldenSection } from "./optim.ts";

export interface SesFit {
  alpha: number;
  /** Level after the last observation: the flat forecast. */
  level: number;
  /** Sum of squared one-step in-sample errors. */
  sse: number;
  /** One-step in-sample fitted values. */
  fitted: number[];
}

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;

/** SSE, best initial level and final level of SES for a given alpha. */
function sesAt(y: readonly number[], alpha: number): { sse: number; l0: number; level: number } {
  // Run with l0 = 0: e_t = a_t − c_t·l0, c_t = (1 − α)^t.
  let l = 0;
  let c = 1;
  let saa = 0;
  let sac = 0;
  let scc = 0;
  for (const v of y) {
    const a = v - l;
    saa += a * a;
    sac += a * c;
    scc += c * c;
    l += alpha * a;
    c *= 1 - alpha;
  }
  const l0 = scc > 0 ? sac / scc : 0;
  const sse = Math.max(saa - (scc > 0 ? (sac * sac) / scc : 0), 0);
  return { sse, l0, level: l + c * l0 };
}

/** Fits SES; `alpha` may be fixed by the caller. */
export function fitSes(y: readonly number[], alpha?: number): SesFit {
  if (y.length === 0) throw new RangeError("SES needs at least one observation");
  const a = alpha ?? goldenSection((al) => sesAt(y, al).sse, ALPHA_MIN, ALPHA_MAX, 1e-5).x;
  const { sse, l0 } = sesAt(y, a);
  const fitted: number[] = [];
  let l = l0;
  for (const v of y) {
    fitted.push(l);
    l += a * (v - l);
  }
  return { alpha: a, level: l, sse, fitted };
}

/** SES point forecasts: flat at the last level. */
export function ses(y: readonly number[], h: number): number[] {
  const { level } = fitSes(y);
  return new Array<number>(h).fill(level);
}

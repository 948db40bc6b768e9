/**
 * Holt's linear method with a damped trend (Gardner & McKenzie), error-correction form:
 *   ŷ_t = l_{t−1} + φ·b_{t−1},  e_t = y_t − ŷ_t,  l_t = ŷ_t + α·e_t,  b_t = φ·b_{t−1} + β·e_t.
 * α, β ≤ α and φ ∈ [0.8, 0.98] are fitted by Nelder–Mead on in-sample one-step SSE. The errors
 * are linear in the initial state (l0, b0), so for given smoothing parameters the best initial
 * state is a 2×2 least-squares solve instead of two more search dimensions.
 */
import { fromBounded, nelderMead, toBounded } from "./optim.ts";

export interface HoltFit {
  alpha: number;
  beta: number;
  phi: number;
  level: number;
  trend: number;
  sse: number;
}

const PHI_MIN = 0.8;
const PHI_MAX = 0.98;

function holtAt(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
): { sse: number; level: number; trend: number } {
  // Three passes in one: the response to the data with a zero initial state, and the (data-free)
  // responses to a unit initial level and a unit initial trend.
  let l = 0;
  let b = 0;
  let l1 = 1;
  let b1 = 0;
  let l2 = 0;
  let b2 = 1;
  let saa = 0;
  let sa1 = 0;
  let sa2 = 0;
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  for (const v of y) {
    const f = l + phi * b;
    const a = v - f;
    // Unit-state responses: their one-step error is minus their forecast (no data).
    const f1 = l1 + phi * b1;
    const f2 = l2 + phi * b2;
    saa += a * a;
    sa1 += a * f1;
    sa2 += a * f2;
    s11 += f1 * f1;
    s12 += f1 * f2;
    s22 += f2 * f2;
    l = f + alpha * a;
    b = phi * b + beta * a;
    l1 = f1 - alpha * f1;
    b1 = phi * b1 - beta * f1;
    l2 = f2 - alpha * f2;
    b2 = phi * b2 - beta * f2;
  }
  // Minimise Σ (a_t − f1_t·l0 − f2_t·b0)² over (l0, b0); a tiny ridge keeps it solvable.
  const ridge = 1e-9 * (s11 + s22 + 1);
  const d11 = s11 + ridge;
  const d22 = s22 + ridge;
  const det = d11 * d22 - s12 * s12;
  let l0 = 0;
  let b0 = 0;
  if (det > 1e-12 * d11 * d22) {
    l0 = (sa1 * d22 - sa2 * s12) / det;
    b0 = (sa2 * d11 - sa1 * s12) / det;
  } else if (d11 > 0) {
    l0 = sa1 / d11;
  }
  const sse = saa - 2 * (l0 * sa1 + b0 * sa2) + l0 * l0 * s11 + 2 * l0 * b0 * s12 + b0 * b0 * s22;
  return { sse: Math.max(sse, 0), level: l + l0 * l1 + b0 * l2, trend: b + l0 * b1 + b0 * b2 };
}

function unpack(u: number[]): [number, number, number] {
  const alpha = toBounded(u[0]!, 1e-4, 0.9999);
  const beta = alpha * toBounded(u[1]!, 1e-4, 0.9999);
  // Without a third coordinate the trend is not damped (Holt's linear method, φ = 1).
  const phi = u.length > 2 ? toBounded(u[2]!, PHI_MIN, PHI_MAX) : 1;
  return [alpha, beta, phi];
}

/** Fits damped Holt, or Holt's linear (undamped, φ = 1) method with `damped: false`. */
export function fitHolt(y: readonly number[], damped = true): HoltFit {
  if (y.length === 0) throw new RangeError("Holt needs at least one observation");
  const x0 = [fromBounded(0.3, 1e-4, 0.9999), fromBounded(0.1, 1e-4, 0.9999)];
  if (damped) x0.push(fromBounded(0.95, PHI_MIN, PHI_MAX));
  const best = nelderMead((u) => holtAt(y, ...unpack(u)).sse, x0, { step: 1, maxIter: 300 });
  const [alpha, beta, phi] = unpack(best.x);
  const r = holtAt(y, alpha, beta, phi);
  return { alpha, beta, phi, level: r.level, trend: r.trend, sse: r.sse };
}

export function fitHoltDamped(y: readonly number[]): HoltFit {
  return fitHolt(y, true);
}

export function holtForecast(fit: HoltFit, h: number): number[] {
  const out: number[] = [];
  let damp = 0;
  let p = 1;
  for (let i = 1; i <= h; i++) {
    p *= fit.phi;
    damp += p;
    out.push(fit.level + damp * fit.trend);
  }
  return out;
}

/** Damped-trend Holt point forecasts. Fewer than 3 points cannot identify a trend: flat. */
export function holtDamped(y: readonly number[], h: number): number[] {
  if (y.length < 3) return new Array<number>(h).fill(y[y.length - 1] ?? 0);
  return holtForecast(fitHolt(y, true), h);
}

/** Holt's linear-trend point forecasts (undamped). Fewer than 3 points: flat. */
export function holtLinear(y: readonly number[], h: number): number[] {
  if (y.length < 3) return new Array<number>(h).fill(y[y.length - 1] ?? 0);
  return holtForecast(fitHolt(y, false), h);
}

/**
 * Small derivative-free optimisers used to fit smoothing parameters by minimising in-sample
 * one-step squared error. Hand-written so the forecaster has no dependency beyond simple-statistics.
 */

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Golden-section search for the minimum of a unimodal-ish `f` on [lo, hi]. */
export function goldenSection(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tol = 1e-4,
  maxIter = 60,
): { x: number; value: number } {
  let a = lo;
  let b = hi;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < maxIter && b - a > tol; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(d);
    }
  }
  // The bracket ends are never evaluated by the search; check them too, because smoothing
  // parameters are often optimal at a bound (e.g. alpha → 1 for a random walk).
  const candidates: [number, number][] = [
    [c, fc],
    [d, fd],
    [lo, f(lo)],
    [hi, f(hi)],
  ];
  let best = candidates[0]!;
  for (const cand of candidates) if (cand[1] < best[1]) best = cand;
  return { x: best[0], value: best[1] };
}

/**
 * Nelder–Mead simplex minimisation on an unconstrained vector. Callers map bounded parameters
 * through a logistic transform so the simplex can roam freely.
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: { step?: number; maxIter?: number; tol?: number } = {},
): { x: number[]; value: number } {
  const n = x0.length;
  const step = opts.step ?? 0.5;
  const maxIter = opts.maxIter ?? 200 * n;
  const tol = opts.tol ?? 1e-8;
  const simplex: { x: number[]; v: number }[] = [{ x: x0.slice(), v: f(x0) }];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    x[i] = (x[i] ?? 0) + step;
    simplex.push({ x, v: f(x) });
  }
  for (let iter = 0; iter < maxIter; iter++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const xr = along(-1);
    const vr = f(xr);
    if (vr < best.v) {
      const xe = along(-2);
      const ve = f(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const outside = vr < worst.v;
      const xc = along(outside ? -0.5 : 0.5);
      const vc = f(xc);
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: xc, v: vc };
      } else {
        // Shrink towards the best vertex.
        for (let i = 1; i <= n; i++) {
          const x = simplex[i]!.x.map((xi, j) => best.x[j]! + 0.5 * (xi - best.x[j]!));
          simplex[i] = { x, v: f(x) };
        }
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v };
}

/** Maps an unconstrained real to (lo, hi). */
export function toBounded(u: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

/** Inverse of {@link toBounded}. */
export function fromBounded(x: number, lo: number, hi: number): number {
  const p = Math.min(Math.max((x - lo) / (hi - lo), 1e-6), 1 - 1e-6);
  return Math.log(p / (1 - p));
}

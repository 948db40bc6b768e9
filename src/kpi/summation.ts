/**
 * Compensated (Neumaier) summation: the sum of many decimal quantities does not depend on the order the
 * database streams them in beyond the last bit, so re-imports in another order give the same KPIs.
 */
export class Sum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/**
 * Building a dictionary column row by row: each distinct value gets a number as it first appears (a
 * run of equal values, as rows in key order have, costs no lookup; a handful of values, such as a
 * chunk's periods, are found by a scan, faster than hashing), and at the end the values are sorted and
 * the rows' numbers renumbered to match.
 */
import { byText } from "./codec.ts";

export class DictionaryBuilder {
  private readonly seen = new Map<string, number>();
  private readonly values: string[] = [];
  private last: string | undefined;
  private lastId = -1;

  /** The value's number (in order of first appearance until `finish`). */
  id(v: string): number {
    if (v === this.last) return this.lastId;
    const values = this.values;
    let id: number | undefined;
    if (values.length <= 8) {
      const at = values.indexOf(v);
      id = at < 0 ? undefined : at;
    } else id = this.seen.get(v);
    if (id === undefined) {
      id = values.length;
      values.push(v);
      this.seen.set(v, id);
    }
    this.last = v;
    this.lastId = id;
    return id;
  }

  /** The distinct values, sorted; renumbers `index` (numbers `id` gave) into positions among them. */
  finish(index: Int32Array): string[] {
    const values = this.values;
    const order = values.map((_, i) => i).sort((a, b) => byText(values[a]!, values[b]!));
    const rank = new Int32Array(values.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    for (let i = 0; i < index.length; i++) index[i] = rank[index[i]!]!;
    return order.map((id) => values[id]!);
  }

  /** The first-appearance values so far (before `finish`): `id(v)` indexes them. */
  get firstSeen(): readonly string[] {
    return this.values;
  }
}

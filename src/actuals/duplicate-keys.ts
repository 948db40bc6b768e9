/**
 * Finding natural keys that appear twice in a file. `LineOfKey` remembers each key's first line (for
 * the message "first on line N"), nested by the key's two parts so no joined string is built per row —
 * the parts are names the field checkers hand out once per distinct text. `KeysSeen` only collects
 * single-part keys (order ids, all distinct and fresh, which a table would hash one by one) and checks
 * them once at the end with the engine's string sort, several times faster; a file where that finds a
 * duplicate is read again with `LineOfKey` for the exact messages.
 */

export interface KeyIndex {
  /** Records the key's line; returns the line it was first on when already seen (if this index knows). */
  add(part: string, subPart: string, line: number): number | undefined;
}

export class LineOfKey implements KeyIndex {
  private readonly lines = new Map<string, number | Map<string, number>>();
  // Rows in key order repeat the previous row's first part: its inner table is kept at hand.
  private lastPart: string | undefined;
  private lastInner: Map<string, number> | undefined;

  add(part: string, subPart: string, line: number): number | undefined {
    if (subPart === "") {
      const at = this.lines.get(part);
      if (at !== undefined) return at as number;
      this.lines.set(part, line);
      return undefined;
    }
    let inner =
      part === this.lastPart ? this.lastInner : (this.lines.get(part) as Map<string, number> | undefined);
    if (inner === undefined) {
      inner = new Map();
      this.lines.set(part, inner);
    }
    this.lastPart = part;
    this.lastInner = inner;
    const first = inner.get(subPart);
    if (first !== undefined) return first;
    inner.set(subPart, line);
    return undefined;
  }
}

export class KeysSeen implements KeyIndex {
  private readonly keys: string[] = [];

  add(part: string): undefined {
    this.keys.push(part);
    return undefined;
  }

  /** True when some key was added twice. */
  hasDuplicates(): boolean {
    const sorted = this.keys.sort();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
    return false;
  }
}

/** A binary min-heap: push and pop in O(log n), peek in O(1). */
export class MinHeap<T> {
  private readonly values: T[] = [];

  /** `before(a, b)` is true when `a` must come out first. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** How many values it holds. */
  get size(): number {
    return this.values.length;
  }

  /** The first value, left in place. */
  peek(): T | undefined {
    return this.values[0];
  }

  /** Adds a value. */
  push(value: T): void {
    const values = this.values;
    values.push(value);
    let i = values.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(values[i] as T, values[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Takes the first value out. */
  pop(): T | undefined {
    const values = this.values;
    const first = values[0];
    const last = values.pop();
    if (values.length === 0 || last === undefined) return first;
    values[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < values.length && this.before(values[left] as T, values[least] as T)) least = left;
      if (right < values.length && this.before(values[right] as T, values[least] as T))
        least = right;
      if (least === i) break;
      this.swap(i, least);
      i = least;
    }
    return first;
  }

  /** Drops every value `keep` refuses, in O(n) (for clearing out stale entries now and then). */
  retain(keep: (value: T) => boolean): void {
    const kept = this.values.filter(keep);
    this.values.length = 0;
    for (const value of kept) this.push(value);
  }

  private swap(a: number, b: number): void {
    const values = this.values;
    const held = values[a] as T;
    values[a] = values[b] as T;
    values[b] = held;
  }
}

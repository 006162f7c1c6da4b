// A bounded map that lets go of the least recently used entries first, by the CLOCK rule (second chance):
// entries sit in slots on a circle; a hit only marks its entry used; to make room a hand goes round, unmarking
// used entries and removing the first unused one. Bounded by entry count, or with `weigh` by the entries'
// summed weight (e.g. their approximate bytes).
//
// Two exact LRUs came before. A Map kept in use order (a hit deleted and set again, the oldest taken from a
// new keys() iterator) made every eviction walk the holes V8 leaves at the front of a Map until it rebuilds
// it: full at 100,000 entries, a million gets and sets took 37-39 s (bench/lru.ts; 0.72 s with CLOCK). A linked list in use order
// fixed that, but moving an entry on every hit writes to its neighbours (scattered in memory): ingest's store
// part, which asks its memos a few hundred times per article, was 4-9% slower than with the Map.

export class Lru<V> {
  /** key → slot */
  private readonly slots = new Map<string, number>();
  private keys: Array<string | undefined> = [];
  private vals: Array<V | undefined> = [];
  private weights: number[] = [];
  /** 1 when the slot's entry was read since the hand last passed it */
  private used = new Uint8Array(16);
  /** empty slots below keys.length */
  private free: number[] = [];
  private hand = 0;
  private total = 0;
  constructor(
    private readonly size: number,
    private readonly weigh: (v: V) => number = () => 1,
  ) {}
  get(k: string): V | undefined {
    const i = this.slots.get(k);
    if (i === undefined) return undefined;
    this.used[i] = 1;
    return this.vals[i];
  }
  set(k: string, v: V): void {
    const old = this.slots.get(k);
    if (old !== undefined) this.remove(old);
    const w = this.weigh(v);
    while (this.slots.size > 0 && this.total + w > this.size) this.evictOne();
    let i = this.free.pop();
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(undefined);
      this.vals.push(undefined);
      this.weights.push(0);
      if (i >= this.used.length) {
        const grown = new Uint8Array(this.used.length * 2);
        grown.set(this.used);
        this.used = grown;
      }
    }
    this.keys[i] = k;
    this.vals[i] = v;
    this.weights[i] = w;
    // unmarked: a new entry placed in a slot the hand just emptied is the last it comes back to
    this.used[i] = 0;
    this.slots.set(k, i);
    this.total += w;
  }
  clear(): void {
    this.slots.clear();
    this.keys = [];
    this.vals = [];
    this.weights = [];
    this.used = new Uint8Array(16);
    this.free = [];
    this.hand = 0;
    this.total = 0;
  }
  /** The summed weight of the entries (their count without `weigh`). */
  get weight(): number {
    return this.total;
  }
  private evictOne(): void {
    // ends: some slot is full (slots.size > 0), and a second pass finds every mark cleared
    for (;;) {
      if (this.hand >= this.keys.length) this.hand = 0;
      const i = this.hand++;
      if (this.keys[i] === undefined) continue;
      if (this.used[i]) this.used[i] = 0;
      else return this.remove(i);
    }
  }
  private remove(i: number): void {
    this.slots.delete(this.keys[i]!);
    this.total -= this.weights[i]!;
    this.keys[i] = undefined;
    this.vals[i] = undefined;
    this.used[i] = 0;
    this.free.push(i);
  }
}

// A small least-recently-used map: a Map kept in use order (a hit moves to the end, the oldest goes first).
// Bounded by entry count, or with `weigh` by the entries' summed weight (e.g. their approximate bytes).

export class Lru<V> {
  private readonly m = new Map<string, { v: V; w: number }>();
  private total = 0;
  constructor(
    private readonly size: number,
    private readonly weigh: (v: V) => number = () => 1,
  ) {}
  get(k: string): V | undefined {
    const e = this.m.get(k);
    if (e !== undefined) {
      this.m.delete(k);
      this.m.set(k, e);
    }
    return e?.v;
  }
  set(k: string, v: V): void {
    this.delete(k);
    const w = this.weigh(v);
    while (this.m.size > 0 && this.total + w > this.size) this.delete(this.m.keys().next().value!);
    this.m.set(k, { v, w });
    this.total += w;
  }
  private delete(k: string): void {
    const e = this.m.get(k);
    if (!e) return;
    this.m.delete(k);
    this.total -= e.w;
  }
  clear(): void {
    this.m.clear();
    this.total = 0;
  }
}

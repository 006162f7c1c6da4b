// A small least-recently-used map: a Map kept in use order (a hit moves to the end, the oldest goes first).

export class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.m.delete(k);
    if (this.m.size >= this.size) this.m.delete(this.m.keys().next().value!);
    this.m.set(k, v);
  }
  clear(): void {
    this.m.clear();
  }
}

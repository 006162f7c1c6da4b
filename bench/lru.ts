// The bounded map (src/util/lru.ts, CLOCK) against the Map-in-use-order LRU it replaced, full and evicting: every
// miss sets, every set past the bound evicts (the least recently used, or the one CLOCK picks). Keys are visited in a fixed
// scrambled order over a working set larger than the bound, so gets hit and miss.
// Usage: npx tsx bench/lru.ts [--entries 100000] [--ops 1000000] [--rounds 2]
import { Lru } from '../src/util/lru.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: number) => (args.includes(k) ? Number(args[args.indexOf(k) + 1]) : d);
const entries = arg('--entries', 100_000);
const ops = arg('--ops', 1_000_000);
const rounds = arg('--rounds', 2);

/** The replaced implementation: a Map kept in use order (a hit is deleted and set again), eviction from its front. */
class MapOrderLru<V> {
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
    while (this.m.size > 0 && this.m.size + 1 > this.size) this.m.delete(this.m.keys().next().value!);
    this.m.set(k, v);
  }
}

const working = Math.round(entries * 1.5);
const keys = Array.from({ length: working }, (_, i) => 'key:' + ((i * 2654435761) % 1000003).toString(36) + ':' + i);
function run(cache: { get(k: string): number | undefined; set(k: string, v: number): void }): { ms: number; hits: number } {
  let hits = 0;
  const t = performance.now();
  for (let i = 0; i < ops; i++) {
    const k = keys[(i * 7919) % (i < working ? i + 1 : working)]!;
    if (cache.get(k) === undefined) cache.set(k, i);
    else hits++;
  }
  return { ms: performance.now() - t, hits };
}

console.log(`| run | entries | ops | ms | hits |`);
console.log(`|---|---|---|---|---|`);
for (let r = 0; r < rounds; r++) {
  for (const [name, make] of [['Map in use order (before)', () => new MapOrderLru<number>(entries)], ['CLOCK (src/util/lru.ts)', () => new Lru<number>(entries)]] as const) {
    const { ms, hits } = run(make());
    console.log(`| ${name} | ${entries} | ${ops} | ${ms.toFixed(0)} | ${hits} |`);
  }
}

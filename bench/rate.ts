/** Runs `fn` over `items` repeatedly for about `budgetMs` (after a short warm-up); returns items per second. */
export function rate<T>(items: T[], fn: (item: T) => unknown, budgetMs = 300): number {
  for (const it of items.slice(0, 20)) fn(it);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    for (const it of items) fn(it);
    n += items.length;
  }
  return Math.round((n / (performance.now() - t0)) * 1000);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { turnTaker } from './turns.ts';

test('turns are taken in arrival order, one per turn of the loop: I/O and timers run between them', async () => {
  const turn = turnTaker();
  const order: string[] = [];
  // a timer due at once fires in the loop's next timers phase: before the last turn, not after all of them
  setTimeout(() => order.push('timer'), 0);
  const done = Promise.all(
    ['a', 'b', 'c', 'd'].map(async (x) => {
      await turn();
      order.push(x);
      // the rest of a request (synchronous work) runs inside its turn
      const t = Date.now();
      while (Date.now() - t < 5);
    }),
  );
  await done;
  assert.deepEqual(order.filter((x) => x !== 'timer'), ['a', 'b', 'c', 'd']);
  const at = order.indexOf('timer');
  assert.ok(at >= 0 && at < order.length - 1, `the timer ran before the last turn: ${order.join(' ')}`);
});

test('a turn taken after the queue emptied is still served', async () => {
  const turn = turnTaker();
  await turn();
  await new Promise((r) => setTimeout(r, 5));
  await turn();
  await Promise.all([turn(), turn()]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from './progress.ts';

test('progress bar: share of the total, capped at 100%, nothing when the total is unknown', () => {
  assert.equal(Progress.bar(0, 10, 10), '[░░░░░░░░░░]   0% ');
  assert.equal(Progress.bar(5, 10, 10), '[█████░░░░░]  50% ');
  assert.equal(Progress.bar(12, 10, 10), '[██████████] 100% ');
  assert.equal(Progress.bar(3, null), '');
});

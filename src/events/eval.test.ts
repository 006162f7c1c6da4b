import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalEvents, goldType, spanMatch } from '../../eval/events.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const gold = path.join(shared, 'eval/events/PLOVER_GSR_dev.json');

test('old PLOVER names map to the current ones; span match is word-wise', () => {
  assert.equal(goldType('DEMAND'), 'REQUEST');
  assert.equal(goldType('DISAPPROVE'), 'ACCUSE');
  assert.equal(goldType('INVESTIGATE'), 'ACCUSE');
  assert.equal(goldType('FIGHT'), 'ASSAULT');
  assert.equal(goldType('AGREE'), 'AGREE');
  assert.ok(spanMatch('Russian President Boris Yeltsin', 'Boris Yeltsin'));
  assert.ok(!spanMatch('the United States', 'the Kingdom'));
});

test('PLOVER dev set: the coder beats the keyword baseline and reaches F1 0.8 on CONSULT, AGREE, SUPPORT', { skip: fs.existsSync(gold) ? false : `${gold} is absent (eval data lives in ../shared/eval)` }, async () => {
  const rows = await evalEvents(shared);
  const row = (t: string) => rows.find((r) => String(r.type).startsWith(t))!;
  for (const t of ['CONSULT', 'AGREE', 'SUPPORT']) assert.ok(Number(row(t).F1) >= 0.8, `${t} F1 ${row(t).F1}`);
  const all = row('ALL');
  assert.ok(Number(all.F1) > Number(all['keyword F1']), 'accuracy above the keyword baseline');
  assert.ok(Number(row('actor match').F1) >= 0.75);
});

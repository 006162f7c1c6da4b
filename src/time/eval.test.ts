import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalTime, parseTimeML, sameValue } from '../../eval/time.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const dev = path.join(shared, 'eval', 'time', 'indotimex-dev');

test('TimeML reader: plain text offsets, entities, DCT', () => {
  const xml = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-29">29 Des</TIMEX3></DCT><TEXT>A &quot;b&quot; <TIMEX3 tid="t1" type="DATE" value="2014">tahun 2014</TIMEX3> c</TEXT></TimeML>';
  const d = parseTimeML(xml);
  assert.equal(d.dct, '2014-12-29');
  assert.equal(d.text, 'A "b" tahun 2014 c');
  assert.deepEqual(d.timexes.map((t) => [d.text.slice(t.start, t.end), t.value]), [['tahun 2014', '2014']]);
  assert.ok(sameValue('194X', '194'));
  assert.ok(!sameValue('1940', '194'));
});

test('IndoTimex dev: span recall and exact values at least 0.9, above chrono-node alone', { skip: fs.existsSync(dev) ? false : `skipped: ${dev} is absent` }, async () => {
  const rows = await evalTime(shared);
  const ours = rows.find((r) => String(r.system).startsWith('kabar'))!;
  const chrono = rows.find((r) => String(r.system).startsWith('chrono'))!;
  assert.ok((ours['recall (overlap)'] as number) >= 0.9, `recall ${ours['recall (overlap)']}`);
  assert.ok((ours['value exact'] as number) >= 0.9, `values ${ours['value exact']}`);
  assert.ok((ours['precision (overlap)'] as number) >= 0.9);
  assert.ok((ours['recall (overlap)'] as number) > (chrono['recall (overlap)'] as number));
});

// Text the entity and event stages must survive: no capitals at all, all-caps headlines, one huge paragraph.
import test from 'node:test';
import assert from 'node:assert/strict';
import { processRaw } from '../pipeline.ts';
import { findMentions } from './mentions.ts';
import { splitSentences } from '../text/sentences.ts';

const body = 'presiden chile tiba di jakarta untuk kunjungan kenegaraan dan bertemu menteri luar negeri indonesia pada selasa';

test('text with no capitals: no crash, countries still found, no person made of common words', () => {
  const text = Array.from({ length: 40 }, () => body + '.').join(' ');
  const doc = processRaw({ input: 'lower.txt', format: 'text', content: text });
  const a = doc.analysis!;
  assert.ok(a.entities.some((e) => e.country === 'CL'), 'long unambiguous country names are found in lower case');
  assert.ok(!a.entities.some((e) => e.type === 'PERSON'), JSON.stringify(a.entities.filter((e) => e.type === 'PERSON')));
});

test('an all-caps headline gives no entity named after a headline word', () => {
  const text = 'PRESIDEN CHILE TIBA DI JAKARTA UNTUK KUNJUNGAN KENEGARAAN';
  const ms = findMentions(text, splitSentences(text, 'id'), 'id');
  for (const m of ms) assert.ok(['country:CL', 'country:ID'].includes(m.key) || m.type === 'PLACE', `${m.type}:${m.text}`);
});

test('a 300 KB single paragraph without punctuation is analysed in bounded time', () => {
  const words = body.split(' ');
  let text = '';
  for (let i = 0; text.length < 300_000; i++) text += (i % 23 === 0 ? 'Presiden Chile Gabriela Montes ' : '') + words[i % words.length] + ' ';
  const t0 = process.cpuUsage();
  const doc = processRaw({ input: 'big.txt', format: 'text', content: text });
  const cpu = process.cpuUsage(t0);
  const s = (cpu.user + cpu.system) / 1e6;
  assert.ok(doc.sentences.length > 100, 'cut into sentence-sized units');
  assert.ok(doc.analysis!.entities.some((e) => e.type === 'PERSON' && /Montes$/.test(e.name)));
  assert.ok(s < 60, `took ${s.toFixed(1)} s of CPU`);
});

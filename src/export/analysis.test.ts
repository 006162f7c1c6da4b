// Events, parties and quotes in the export, end to end: made-up articles are ingested into a fresh SQLite store and
// exported (parties by canonical name with the title as a role, noise dropped, title-only speakers linked).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../store/db.ts';
import { ingestInputs } from '../ingest/run.ts';
import { buildExport } from './json.ts';
import { kabarExport } from './schema.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-export-events-'));
fs.writeFileSync(
  path.join(dir, 'a-en.txt'),
  `The Example Post

Chilean President visits Peru

LIMA, October 10, 2024 - President Mateo Rivas of Chile paid a state visit to Peru on 9-11 October 2024.

Foreign Minister Tomas Vidal signed a fisheries protocol with Peru on Thursday.

"We will open our markets to every partner in the region," the minister told reporters.
`,
);
fs.writeFileSync(
  path.join(dir, 'b-id.txt'),
  `Harian Contoh - Dunia

Presiden Chile Mateo Rivas Berkunjung ke Peru

Lima, 10 Oktober 2024 - Presiden Chile Mateo Rivas melakukan kunjungan kenegaraan ke Peru pada 9-11 Oktober 2024.

Langkah-langkah ini bertujuan mendorong kerja sama perdagangan antara kedua negara.

Dalam kunjungan itu, Menteri Luar Negeri Tomas Vidal menandatangani protokol perikanan. "Kami siap membuka pasar bagi semua mitra di kawasan," kata menteri itu.
`,
);

test('export: parties by canonical name with the title as role, noise dropped, a title-only speaker linked', async (t) => {
  const store = await openStore(path.join(dir, 'kabar.db'));
  t.after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const r = await ingestInputs(store, [dir]);
  assert.equal(r.added, 2, JSON.stringify(r.errors));
  const exp = kabarExport.parse(await buildExport(store));
  const person = (name: string) => exp.entities.find((e) => e.type === 'PERSON' && e.name === name);
  const rivas = person('Mateo Rivas');
  const vidal = person('Tomas Vidal');
  assert.ok(rivas && vidal, JSON.stringify(exp.entities.map((e) => e.name)));
  // the visit: actor by canonical name, the title as a role
  const visit = exp.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit' && !e.background)!;
  assert.ok(visit, JSON.stringify(exp.events.map((e) => [e.type, e.mode])));
  const actor = visit.actors.find((a) => a.entity === rivas.id)!;
  assert.ok(actor, JSON.stringify(visit.actors));
  assert.equal(actor.text, 'Mateo Rivas');
  assert.match(actor.role ?? '', /^(Presiden|President)/);
  // every party is an entity or a group noun: "Langkah-langkah" (steps) is none
  for (const e of exp.events) for (const p of [...e.actors, ...e.recipients]) assert.ok(!/Langkah/.test(p.text), JSON.stringify(p));
  // "the minister told reporters", "kata menteri itu": the one minister each article names
  for (const text of [/open our markets/, /membuka pasar/]) {
    const q = exp.quotes.find((x) => text.test(x.text));
    assert.ok(q?.speaker, `a speaker for ${text}`);
    assert.equal(q.speaker.entity, vidal.id, JSON.stringify(q.speaker));
  }
});

/** Ingest made-up articles into a fresh store of their own and export it (the store and files go when the test ends). */
async function exportOf(t: { after: (fn: () => Promise<void>) => void }, name: string, files: Record<string, string>) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `kabar-export-${name}-`));
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(d, f), text);
  const store = await openStore(path.join(d, 'kabar.db'));
  t.after(async () => {
    await store.close();
    fs.rmSync(d, { recursive: true, force: true });
  });
  const r = await ingestInputs(store, [d]);
  assert.equal(r.added, Object.keys(files).length, JSON.stringify(r.errors));
  return kabarExport.parse(await buildExport(store));
}

test('export: a bare title several people hold speaks for the one named last before it; agreement parties are entity references', async (t) => {
  const exp = await exportOf(t, 'titles', {
    'c-id.txt': `Harian Contoh - Dunia

Tiga Sekretaris Jenderal Bertemu di Quito

Quito, 5 Maret 2025 - Sekretaris Jenderal Komunitas Andes Rina Wulandari bertemu Sekretaris Jenderal Partai Hijau Diego Soto di Quito pada Rabu.

Menteri Pendidikan Chile Rosa Vela dan Menteri Pendidikan Ekuador Luis Mora menandatangani nota kesepahaman tentang kerja sama pendidikan antara Chile dan Ekuador.

Sekretaris Jenderal Partai Biru Ana Ruiz juga hadir dalam pertemuan itu. Sekretaris Jenderal mengatakan bahwa kerja sama regional harus diperkuat tahun ini.
`,
  });
  const id = (name: string) => exp.entities.find((e) => e.name === name)?.id;
  const q = exp.quotes.find((x) => /kerja sama regional/.test(x.text));
  assert.ok(q?.speaker, JSON.stringify(exp.quotes));
  assert.equal(q.speaker.entity, id('Ana Ruiz'), JSON.stringify([q.speaker, exp.entities.map((e) => [e.id, e.name])]));
  const mou = exp.agreements.find((g) => g.kind === 'memorandum of understanding');
  assert.ok(mou, JSON.stringify(exp.agreements));
  assert.equal(mou.partyRefs.length, mou.parties.length);
  assert.deepEqual(mou.partyRefs.map((p) => p.entity), [id('Chile'), id('Ecuador')], JSON.stringify([mou.partyRefs, exp.entities.map((e) => [e.id, e.name])]));
});

test('export: what both sides agreed and an attendance during a visit take the visit\'s span, marked as borrowed; a dateline\'s date gives way to the span the sentence names', async (t) => {
  const exp = await exportOf(t, 'span', {
    'd-id.txt': `Harian Contoh - Dunia

Presiden Chile Mateo Rivas Berkunjung ke Peru

Lima, 10 Oktober 2024 - Presiden Chile Mateo Rivas melakukan kunjungan kenegaraan ke Peru pada 9-11 Oktober 2024.

Dalam kunjungan kenegaraannya ke Peru, Presiden Mateo Rivas menghadiri peringatan 200 tahun berdirinya Kongres Peru.

Kedua pihak sepakat untuk memperluas kerja sama perikanan.
`,
  });
  const span = { start: '2024-10-09', end: '2024-10-11', value: '2024-10-09' };
  const visit = exp.events.find((e) => e.type === 'CONSULT' && e.mode === 'visit')!;
  assert.deepEqual(visit.date, span);
  assert.equal(visit.dateFrom, undefined);
  const attended = exp.events.find((e) => e.type === 'CONSULT' && e.mode === 'multilateral')!;
  assert.deepEqual([attended.date, attended.dateFrom], [span, 'story']);
  const agreed = exp.events.find((e) => e.type === 'AGREE')!;
  assert.deepEqual([agreed.date, agreed.dateFrom], [span, 'story']);
  assert.deepEqual([agreed.actors.map((p) => p.text), agreed.recipients.map((p) => p.text)], [['Mateo Rivas'], ['Peru']]);
});

test('export: the documents of one signing ceremony point at one signing event, apart from praise; signing is SUPPORT (PLOVER, CAMEO 057)', async (t) => {
  const exp = await exportOf(t, 'ceremony', {
    'e-id.txt': `Harian Contoh - Dunia

Presiden Chile Mateo Rivas Berkunjung ke Peru

Lima, 10 Oktober 2024 - Presiden Chile Mateo Rivas melakukan kunjungan kenegaraan ke Peru pada 9-11 Oktober 2024.

Kedua negara menandatangani nota kesepahaman tentang kerja sama perikanan dan protokol kerja sama pertahanan.

Rivas memuji dukungan Peru bagi para nelayan Chile.

Kesepakatan yang ditandatangani selama kunjungan tersebut mencakup perjanjian kerja sama pendidikan.
`,
  });
  const signing = exp.events.filter((e) => e.type === 'SUPPORT' && e.mode === 'sign');
  assert.ok(signing.length >= 1, JSON.stringify(exp.events.map((e) => [e.type, e.mode])));
  // praise is another happening than the signing
  assert.ok(exp.events.some((e) => e.type === 'SUPPORT' && e.mode !== 'sign'), JSON.stringify(exp.events.map((e) => [e.type, e.mode])));
  const current = exp.agreements.filter((g) => g.event);
  assert.ok(current.length >= 3, JSON.stringify(exp.agreements));
  assert.equal(new Set(current.map((g) => g.event)).size, 1, JSON.stringify(exp.agreements.map((g) => [g.title, g.event])));
  assert.ok(signing.some((e) => e.id === current[0]!.event));
});

// The five sample pages beside the repo (../shared/samples): the kind of input Kabar exists for.
// Skipped with a message on a clone that has nothing beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { kabar, sharedDir, testDb } from './helpers.ts';
import { kabarExport, type KabarExport } from '../src/export/schema.ts';
import { lookupCity } from '../src/entities/normalise.ts';
import { entityData } from '../src/entities/langdata.ts';

const samples = path.join(sharedDir, 'samples');
const present = fs.existsSync(samples);
const skip = present ? false : `../shared/samples is absent (${samples}); nothing to check`;

let doc: KabarExport;
let db: string;

function art(prefix: string) {
  const a = doc.articles.find((x) => path.basename(x.input).startsWith(prefix));
  assert.ok(a, `article ${prefix}`);
  return a;
}

test('samples: five pages, one story, clean text, metadata, reuse, idempotent', { skip }, async (t) => {
  db = await testDb('samples');
  const r = kabar(['ingest', samples, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /5 added, 0 already present, 0 failed/);
  doc = kabarExport.parse(JSON.parse(kabar(['export', '--db', db]).stdout));

  await t.test('exactly one story', () => {
    assert.equal(doc.articles.length, 5);
    assert.equal(new Set(doc.articles.map((a) => a.story)).size, 1);
    assert.equal(doc.stories.length, 1);
  });

  await t.test('no boilerplate left, body kept', () => {
    for (const a of doc.articles) {
      const lines = a.text.split('\n').map((l) => l.trim()).filter(Boolean);
      for (const l of lines) {
        assert.ok(!/\.(jpe?g|png|gif|webp)$/i.test(l), `image file name left in ${a.input}: ${l}`);
        assert.ok(!/^Komentar\s*\(\d+\)$/i.test(l), `comment counter left in ${a.input}`);
        assert.ok(!/^No data$/i.test(l), `widget placeholder left in ${a.input}`);
        assert.ok(!/^Sumber(-sumber)?\s*:?/i.test(l), `source line left in ${a.input}: ${l}`);
        assert.ok(!/^[\w.-]+\.(vn|com|id)$/i.test(l), `site banner left in ${a.input}: ${l}`);
      }
      assert.ok(!/Apakah Anda menemukan kesalahan/.test(a.text), `report-an-error prompt left in ${a.input}`);
      assert.ok(!/Nền tảng quảng bá/.test(a.text), `site banner left in ${a.input}`);
      assert.ok(!/Dalam (topik|kategori) yang sama/.test(a.text), `navigation heading left in ${a.input}`);
    }
    // Each page's last body paragraph survives (the part a classifier most easily eats).
    const raw = (p: string) => fs.readFileSync(path.join(samples, fs.readdirSync(samples).find((f) => f.startsWith(p))!), 'utf8');
    const keep: Array<[string, RegExp]> = [
      ['000', /Kunjungan ini telah berkontribusi dalam menciptakan momentum baru/],
      ['001', /menyelenggarakan resepsi untuk menyambut/],
      ['002', /Terima kasih banyak, Wakil Menteri!/],
      ['002', /Bisakah Anda memberi tahu kami tentang arahan/],
      ['003', /Resolusi ini juga memperkuat salah satu tujuan utama/],
      ['004', /dukungan historis yang pernah diberikan/],
    ];
    for (const [p, re] of keep) {
      assert.match(raw(p), re);
      assert.match(art(p).text, re, `body paragraph lost in ${p}`);
    }
  });

  await t.test('captions keep their credits and leave the body', () => {
    const a1 = art('001');
    assert.ok(a1.captions.length >= 3, JSON.stringify(a1.captions));
    assert.ok(a1.captions.every((c) => c.credit === 'VNA'));
    assert.ok(!/Foto: VNA/.test(a1.text));
    assert.ok(art('003').captions.some((c) => c.credit === 'VNA'));
  });

  await t.test('outlet and URL from the source lines; dates where stated', () => {
    assert.equal(art('000').outlet, 'vtv.vn');
    assert.equal(art('001').outlet, 'vietnamnet.vn');
    assert.equal(art('002').outlet, 'baotintuc.vn');
    assert.equal(art('003').outlet, 'tuoitre.vn');
    assert.match(art('002').url ?? '', /^https:\/\/baotintuc\.vn\//);
    assert.equal(art('000').published?.slice(0, 10), '2025-10-11');
    assert.equal(art('002').published?.slice(0, 10), '2025-10-11');
    assert.equal(art('003').published?.slice(0, 10), '2025-10-10');
    for (const a of doc.articles) assert.equal(a.language, 'id', a.input);
  });

  await t.test('byline and cited sources', () => {
    const a = art('004');
    assert.ok(a.authors.length === 1 && /\S+ \S+/.test(a.authors[0]!), JSON.stringify(a.authors));
    assert.equal(a.citedSources.length, 4, JSON.stringify(a.citedSources));
  });

  await t.test('reuse links between pages that share sentences', () => {
    const id1 = art('001').id;
    const id3 = art('003').id;
    const link = doc.reuse.find((l) => (l.a === id1 && l.b === id3) || (l.a === id3 && l.b === id1));
    assert.ok(link, 'pages 001 and 003 share sentences');
    for (const p of link.sentences) {
      const ta: string = doc.articles.find((a) => a.id === link.a)!.text.slice(p.a.start, p.a.end);
      const tb: string = doc.articles.find((a) => a.id === link.b)!.text.slice(p.b.start, p.b.end);
      assert.ok(ta.length > 20 && tb.length > 20);
    }
  });

  await t.test('time expressions normalised against each article\'s date', () => {
    const times = (p: string) => doc.times.filter((x) => x.article === art(p).id);
    const at = (p: string, re: RegExp) => times(p).find((x) => re.test(x.text));
    assert.equal(at('000', /^Pagi-pagi sekali/)?.value, '2025-10-11TMO');
    assert.equal(at('000', /tahun 1950/)?.value, '1950');
    assert.equal(at('000', /^18 tahun$/)?.value, 'P18Y');
    const range = at('002', /9-11 Oktober 2025/);
    assert.deepEqual(range?.interval, { start: '2025-10-09', end: '2025-10-11' });
    assert.equal(at('004', /Agustus 2025/)?.value, '2025-08');
    assert.equal(at('002', /ulang tahun ke-80/)?.anniversary?.ordinal, 80);
  });

  await t.test('entities: roles apart from names, one entity per spelling, countries as coded places', () => {
    const persons = doc.entities.filter((e) => e.type === 'PERSON');
    assert.ok(persons.length >= 5);
    for (const e of doc.entities) {
      // no entity named after a title or a caption word
      assert.doesNotMatch(e.name, /^(Foto|Sekretaris|Presiden|Menteri|Wakil|Ketua|Duta)\b/, `entity named after a title: ${e.name}`);
    }
    // the people the pages give a title have it as a role
    assert.ok(persons.filter((p) => p.roles.length).length >= 4);
    // spellings of one person are one entity: a hyphenated and a spaced spelling share an entity
    assert.ok(persons.some((p) => new Set(p.aliases.map((a) => a.text)).size > 1), 'some person is seen under two spellings');
    const byKey = new Map<string, string>();
    for (const p of persons) {
      const k = p.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[-\s]+/g, ' ').toLowerCase();
      assert.ok(!byKey.has(k), `two entities for one person: ${p.name} / ${byKey.get(k)}`);
      byKey.set(k, p.name);
    }
    // countries are places with their codes, one entity per country whatever the name used
    const vn = doc.entities.filter((e) => e.country === 'VN' && e.type === 'PLACE' && !e.coordinates);
    const kp = doc.entities.filter((e) => e.country === 'KP' && e.type === 'PLACE' && !e.coordinates);
    assert.equal(vn.length, 1, vn.map((e) => e.name).join(', '));
    assert.equal(kp.length, 1, kp.map((e) => e.name).join(', '));
    assert.ok(kp[0]!.aliases.length >= 2, 'North Korea under more than one name');
  });

  await t.test('events: the state visit is one CONSULT/visit event reported by every page, with its return and its history', () => {
    const visits = doc.events.filter((e) => e.type === 'CONSULT' && e.mode === 'visit' && !e.background && e.location?.country === 'KP');
    const main = visits.sort((a, b) => b.evidence.length - a.evidence.length)[0];
    assert.ok(main, 'a visit to North Korea');
    assert.equal(new Set(main.evidence.map((v) => v.article)).size, 5, 'with mentions from all five pages');
    assert.ok(main.actors.some((a) => a.country === 'VN'), 'the visitor is Vietnamese');
    assert.ok(main.actors.some((a) => a.entity && doc.entities.find((e) => e.id === a.entity)?.type === 'PERSON'), "Vietnam's leader is an actor");
    assert.ok(main.recipients.some((r) => r.country === 'KP'), 'the host is the recipient');
    assert.match(main.date.value ?? '', /^2025-10/);
    // the return home
    assert.ok(doc.events.some((e) => e.type === 'CONSULT' && e.mode === 'visit-end' && e.location?.country === 'VN' && e.date.value?.startsWith('2025-10-11')));
    // history recalled: relations established and earlier visits, as background events with their years
    const bg = doc.events.filter((e) => e.background);
    assert.ok(bg.some((e) => e.date.value === '1950'), 'relations established in 1950');
    assert.ok(bg.some((e) => e.type === 'CONSULT' && e.date.value === '2007'), 'the last such visit, 2007');
    // agreements are records with a kind; quotes have speakers that are entities
    assert.ok(doc.agreements.length >= 4);
    assert.ok(doc.agreements.some((g) => g.kind === 'protocol') && doc.agreements.some((g) => /memorandum/.test(g.kind)));
    const spoken = doc.quotes.filter((q) => q.speaker?.entity);
    assert.ok(spoken.length >= doc.quotes.length * 0.7, `${spoken.length} of ${doc.quotes.length} quotes have a linked speaker`);
  });

  await t.test('events: the visit\'s span of days, its city, its sides once each; signings and agreements dated, with parties', () => {
    const entity = (id: string) => doc.entities.find((e) => e.id === id)!;
    const isPerson = (p: { entity?: string }) => !!p.entity && entity(p.entity).type === 'PERSON';
    const visits = doc.events.filter((e) => e.type === 'CONSULT' && e.mode === 'visit' && !e.background && e.location?.country === 'KP');
    const main = visits.sort((a, b) => b.evidence.length - a.evidence.length)[0]!;
    // the interval the text gives ("9-11 <month>"), not its first day
    assert.ok(main.date.start && main.date.end && main.date.end > main.date.start, `the visit has an end date after its start: ${JSON.stringify(main.date)}`);
    // the most specific place the text names in the host country: a city there
    assert.equal(lookupCity(main.location!.text, 10000)?.country, 'KP', `the visit's place is a city in KP: ${main.location!.text}`);
    // the visitor's side: a person and the country; the host's side: each country once, no role phrase
    assert.ok(main.actors.some(isPerson) && main.actors.some((a) => !isPerson(a) && a.country === 'VN'), JSON.stringify(main.actors));
    const hostCountries = main.recipients.filter((r) => !isPerson(r)).map((r) => r.country);
    assert.ok(hostCountries.includes('KP'));
    assert.equal(hostCountries.length, new Set(hostCountries).size, `a country once among the recipients: ${JSON.stringify(main.recipients)}`);
    // no party of any event is a role with no name, and a person's party keeps the whole of a title or none of it
    const firstTitleWords = new Set(entityData('id').titles.map((x) => x.toLowerCase().split(/\s+/)[0]!));
    for (const ev of doc.events)
      for (const p of [...ev.actors, ...ev.recipients]) {
        if (isPerson(p)) {
          const e = entity(p.entity!);
          const name = [e.name, ...e.aliases.map((a) => a.text)].find((n) => p.text.endsWith(n));
          const prefix = name ? p.text.slice(0, p.text.length - name.length).trim() : '';
          // "Jenderal X" for "Sekretaris Jenderal X": the tail of a title is no title
          assert.ok(!prefix || !e.roles.some((r) => r.title.endsWith(` ${prefix}`)), `a person party with part of a title: ${p.text}`);
        } else if (p.text.includes(' ') && firstTitleWords.has(p.text.split(/\s+/)[0]!.toLowerCase())) {
          // a role phrase that names no person ("Ketua Komisi … Korea Utara") stands for its country
          assert.ok(!p.country, `a role with no name as a party: ${p.text}`);
        }
      }
    // the talks, the attendance and the return have dates; the signings have the date of the visit they took place in
    const current = doc.events.filter((e) => !e.background && !e.negated);
    assert.ok(current.some((e) => e.type === 'CONSULT' && e.mode === 'multilateral' && e.date.value?.startsWith('2025-10')), 'the attendance at the anniversary, dated');
    assert.ok(current.some((e) => e.type === 'CONSULT' && !e.mode && e.date.value?.startsWith('2025-10')), 'the talks, dated');
    const signed = doc.agreements.filter((g) => g.signed);
    assert.ok(signed.length >= 5);
    for (const g of signed) {
      assert.ok(g.date.value?.startsWith('2025-10'), `${g.title}: signed in October 2025 (${JSON.stringify(g.date)})`);
      const ev = g.event ? doc.events.find((e) => e.id === g.event) : undefined;
      if (ev) assert.ok(ev.date.value?.startsWith('2025-10'), `the signing of ${g.title} is dated`);
      // parties: two at least, none a document, a field or "both sides"
      assert.ok(g.parties.length >= 2, `${g.title}: ${JSON.stringify(g.parties)}`);
      for (const p of g.parties) assert.ok(!doc.agreements.some((o) => o.title === p) && !/^(kedua|both)\b/i.test(p), `${g.title}: party ${p}`);
    }
    // a counted list has as many records as the count (two documents of one kind and title with different parties)
    const lists = new Set(doc.agreements.filter((g) => g.count).map((g) => `${g.evidence[0]!.article}|${g.count}`));
    assert.ok(lists.size >= 1);
    for (const key of lists) {
      const [a, c] = key.split('|');
      assert.equal(doc.agreements.filter((g) => g.evidence[0]!.article === a && g.count === Number(c)).length, Number(c), `the list of ${key}`);
    }
  });

  await t.test('cross-check: the outlets\' disagreements are contested, copies are not independent', () => {
    const contested = doc.claims.filter((c) => c.status === 'contested');
    // one page says the visit ended on the 10th, another gives 9-11 October
    const end = contested.find((c) => c.attribute === 'date.end');
    assert.ok(end, 'the end of the visit is contested');
    assert.deepEqual(end.values.map((v) => v.value).sort(), ['2025-10-10', '2025-10-11']);
    // one page calls the defence document a protocol, another a letter of intent
    const kind = contested.find((c) => c.attribute === 'kind');
    assert.ok(kind, 'the kind of a document is contested');
    assert.deepEqual(kind.values.map((v) => v.value).sort(), ['letter of intent', 'protocol']);
    // pages that copy each other's sentences count once
    assert.ok(doc.claims.some((c) => c.values.some((v) => v.articles.length > v.independentSources)));
    for (const c of doc.claims) for (const v of c.values) assert.ok(v.independentSources <= v.articles.length);
  });

  await t.test('ingesting again adds nothing', () => {
    const again = kabar(['ingest', samples, '--db', db]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /0 added, 5 already present, 0 failed/);
  });
});

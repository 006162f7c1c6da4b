// Claims: status, independence, variants, on small hand-made documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaims, type Claim } from './claims.ts';
import { sentenceNumbers } from './statements.ts';
import { testDoc } from './testdoc.ts';

const find = (cs: Claim[], attribute: string) => cs.filter((c) => c.attribute === attribute);
const nums = (text: string, lang: string) => sentenceNumbers(text, { start: 0, end: text.length }, lang).map((n) => ({ attribute: n.attribute, ...n.value }));

test('numbers: what they count, people by what happened to them, bounds, scales, currencies, positions', () => {
  assert.deepEqual(nums('Floods killed 12 people in the regency.', 'en'), [{ attribute: 'people.dead', type: 'number', value: 12 }]);
  assert.deepEqual(nums('Two children drowned and 2,310 residents were staying in shelters.', 'en'), [
    { attribute: 'children', type: 'number', value: 2 },
    { attribute: 'people.displaced', type: 'number', value: 2310 },
  ]);
  assert.deepEqual(nums('Sebanyak 1.487 jiwa masih bertahan di pengungsian.', 'id'), [{ attribute: 'people.displaced', type: 'number', value: 1487 }]);
  assert.deepEqual(nums('Banjir merendam sedikitnya 4.200 rumah di tujuh kecamatan.', 'id'), [
    { attribute: 'homes', type: 'number', value: 4200, bound: 'at-least' },
    { attribute: 'districts', type: 'number', value: 7 },
  ]);
  assert.deepEqual(nums('Kim ngạch năm 2024 đạt 16,2 tỷ USD.', 'vi'), [{ attribute: 'amount.USD', type: 'number', value: 16.2e9 }]);
  assert.deepEqual(nums('Pemkab menyiapkan Rp 2 miliar.', 'id'), [{ attribute: 'amount.IDR', type: 'number', value: 2e9 }]);
  assert.deepEqual(nums('Phút 68, tiền đạo đánh đầu mở tỷ số.', 'vi'), [{ attribute: 'minute', type: 'number', value: 68 }]);
  assert.deepEqual(nums('He scored in the 67th minute.', 'en'), [{ attribute: 'minute', type: 'number', value: 67 }]);
  // a contract's tonnage is not an amount of đồng; a date's day is not a count; "a company" is not a count of one
  assert.deepEqual(nums('hợp đồng 300.000 tấn gạo', 'vi'), [{ attribute: 'tonnes', type: 'number', value: 300000 }]);
  assert.deepEqual(nums('Mereka bertemu Rabu (12/3) dengan 5 dokumen.', 'id'), [{ attribute: 'documents', type: 'number', value: 5 }]);
  assert.deepEqual(nums('bà Hân, giám đốc một công ty chế biến', 'vi'), []);
  // people with nothing said of them are not counted
  assert.deepEqual(nums('Clinics treated 430 people.', 'en'), []);
});

test('status: corroborated by two independent outlets, single-source, contested between independent outlets', () => {
  const doc = testDoc([
    { id: 'a', outlet: 'Alpha News', sentences: ['The flood killed 12 people on Wednesday.', 'Seven districts were flooded.'] },
    { id: 'b', outlet: 'Beta Daily', sentences: ['At least 12 people died, officials said.', 'Nine districts were flooded.'] },
    { id: 'c', outlet: 'Gamma Post', sentences: ['Rescuers said 14 people were killed.'] },
  ]);
  const cs = buildClaims(doc, 's1');
  const dead = find(cs, 'people.dead');
  assert.equal(dead.length, 1);
  assert.equal(dead[0]!.status, 'contested');
  const v12 = dead[0]!.values.find((v) => v.value === 12)!;
  const v14 = dead[0]!.values.find((v) => v.value === 14)!;
  // "at least 12" is a variant of 12, and it is independent of the first
  assert.deepEqual(v12.articles, ['a', 'b']);
  assert.equal(v12.independentSources, 2);
  assert.deepEqual(v14.articles, ['c']);
  assert.equal(v14.independentSources, 1);
  assert.equal(v12.evidence.length, 2);
  const districts = find(cs, 'districts');
  assert.equal(districts.length, 1);
  assert.equal(districts[0]!.status, 'contested');
  assert.deepEqual(districts[0]!.values.map((v) => [v.value, v.articles]).sort(), [[7, ['a']], [9, ['b']]]);
});

test('independence: a copied sentence, a citation and the same outlet make one origin', () => {
  const base = [
    { id: 'a', outlet: 'Wire Agency', sentences: ['The storm destroyed 300 homes.', 'Officials met on Monday.'] },
    { id: 'b', outlet: 'City Paper', sentences: ['Local officials met on Monday.', 'The storm destroyed 300 homes.'] },
  ];
  // b copied a's sentence: one origin
  let cs = buildClaims(testDoc(base, { reuse: [{ a: 'a', b: 'b', sentence: [0, 1] }] }), 's1');
  assert.equal(find(cs, 'homes')[0]!.status, 'single-source');
  assert.equal(find(cs, 'homes')[0]!.values[0]!.independentSources, 1);
  assert.deepEqual(find(cs, 'homes')[0]!.values[0]!.sharedOrigins, [['a', 'b']]);
  // a link over another sentence does not make this claim's statements one origin
  cs = buildClaims(testDoc(base, { reuse: [{ a: 'a', b: 'b', sentence: [1, 0] }] }), 's1');
  assert.equal(find(cs, 'homes')[0]!.status, 'corroborated');
  assert.equal(find(cs, 'homes')[0]!.values[0]!.independentSources, 2);
  // b cites a's outlet
  cs = buildClaims(testDoc([base[0]!, { ...base[1]!, citedSources: ['Wire Agency'] }]), 's1');
  assert.equal(find(cs, 'homes')[0]!.status, 'single-source');
  // the same outlet twice is one witness
  cs = buildClaims(testDoc([base[0]!, { ...base[1]!, outlet: 'Wire Agency' }]), 's1');
  assert.equal(find(cs, 'homes')[0]!.values[0]!.independentSources, 1);
});

test('a dispute needs each side from an origin that does not also state the other; copies do not make a side', () => {
  // an outlet updating its own figure is not two sources disagreeing
  let cs = buildClaims(
    testDoc([
      { id: 'a', outlet: 'Alpha', sentences: ['The flood killed 12 people.'] },
      { id: 'b', outlet: 'Alpha', sentences: ['The toll rose: 14 people were killed.'] },
    ]),
    's1',
  );
  assert.ok(!cs.some((c) => c.status === 'contested'));
  // several true values of one attribute: both sources give both minutes
  cs = buildClaims(
    testDoc([
      { id: 'a', outlet: 'Alpha', sentences: ['He scored in the 67th minute.', 'They equalised in the 81st minute.'] },
      { id: 'b', outlet: 'Beta', sentences: ['The 81st minute brought the equaliser.', 'The opener came in the 67th minute.'] },
    ]),
    's1',
  );
  assert.deepEqual(find(cs, 'minute').map((c) => [c.status, c.values[0]!.value]).sort(), [['corroborated', 67], ['corroborated', 81]]);
  // figures far apart are different things, not a dispute
  cs = buildClaims(
    testDoc([
      { id: 'a', outlet: 'Alpha', sentences: ['The firm signed contracts worth $85 million.'] },
      { id: 'b', outlet: 'Beta', sentences: ['Trade reached $16.2 billion.'] },
    ]),
    's1',
  );
  assert.ok(!cs.some((c) => c.status === 'contested'));
});

test('variants are not conflicts: rounding, bounds, number formats, date granularity, unknown years, translated titles', () => {
  const doc = testDoc(
    [
      { id: 'a', outlet: 'Alpha', lang: 'en', sentences: ['About 1,500 people fled to shelters.', 'Floods that began on Thursday submerged more than 4,000 homes.', 'They signed a memorandum of understanding on halal certification.'] },
      { id: 'b', outlet: 'Beta', lang: 'id', sentences: ['Sebanyak 1.487 warga mengungsi.', 'Banjir merendam 4.200 rumah sejak Kamis (20/2).', 'Mereka menandatangani nota kesepahaman sertifikasi halal.'] },
      { id: 'c', outlet: 'Gamma', lang: 'id', published: null, sentences: ['Banjir sejak Kamis (20/2) merendam rumah warga.'] },
    ],
    {
      times: [
        { article: 'a', text: 'Thursday', value: '2025-02' },
        { article: 'b', text: 'Kamis (20/2)', value: '2025-02-20' },
        { article: 'c', text: 'Kamis (20/2)', value: 'XXXX-02-20' },
      ],
      agreements: [
        { id: 'g1', event: null, story: 's1', title: 'memorandum of understanding on halal certification', kind: 'memorandum of understanding', parties: [], partyRefs: [], fields: [], date: { start: null, end: null, value: null }, place: 'Hà Nội', signed: true, evidence: [{ article: 'a', sentence: 2, start: 0, end: 10 }] },
        { id: 'g2', event: null, story: 's1', title: 'nota kesepahaman sertifikasi halal', kind: 'memorandum of understanding', parties: [], partyRefs: [], fields: [], date: { start: null, end: null, value: null }, place: 'Ha Noi', signed: true, evidence: [{ article: 'b', sentence: 2, start: 0, end: 10 }] },
      ],
    },
  );
  for (const a of doc.articles) a.published = a.id === 'c' ? null : '2025-02-21';
  const cs = buildClaims(doc, 's1');
  assert.deepEqual(cs.filter((c) => c.status === 'contested'), []);
  const displaced = find(cs, 'people.displaced')[0]!;
  assert.equal(displaced.status, 'corroborated');
  assert.equal(displaced.values[0]!.value, 1487);
  assert.equal(find(cs, 'homes')[0]!.status, 'corroborated');
  const start = find(cs, 'date.start');
  assert.equal(start.length, 1);
  assert.equal(start[0]!.values[0]!.value, '2025-02-20');
  assert.equal(start[0]!.values[0]!.independentSources, 3);
  // the English and Indonesian titles are one document with one kind, and one place in two spellings
  const kind = cs.filter((c) => c.subject.kind === 'agreement' && c.attribute === 'kind');
  assert.equal(kind.length, 1);
  assert.equal(kind[0]!.status, 'corroborated');
  const place = cs.filter((c) => c.subject.kind === 'agreement' && c.attribute === 'place');
  assert.equal(place.length, 1);
  assert.deepEqual(place[0]!.values[0]!.variants, ['Ha Noi', 'Hà Nội']);
});

test('dates: the end of a visit in one source against another; start and end from a range', () => {
  const doc = testDoc(
    [
      { id: 'a', outlet: 'Alpha', lang: 'vi', sentences: ['Bộ trưởng thăm Việt Nam từ ngày 10 đến 13/3.'] },
      { id: 'b', outlet: 'Beta', lang: 'vi', sentences: ['Bộ trưởng hôm qua (12/3) kết thúc chuyến thăm Việt Nam.'] },
      { id: 'c', outlet: 'Gamma', lang: 'en', sentences: ['The minister concludes his visit on Wednesday.'] },
    ],
    {
      times: [
        { article: 'a', text: 'ngày 10 đến 13/3', value: '2025-03-10', interval: { start: '2025-03-10', end: '2025-03-13' } },
        { article: 'b', text: 'hôm qua (12/3)', value: '2025-03-12' },
        { article: 'c', text: 'Wednesday', value: '2025-03-12' },
      ],
    },
  );
  const cs = buildClaims(doc, 's1');
  const end = find(cs, 'date.end');
  assert.equal(end.length, 1);
  assert.equal(end[0]!.status, 'contested');
  assert.deepEqual(end[0]!.values.map((v) => [v.value, v.articles]), [['2025-03-12', ['b', 'c']], ['2025-03-13', ['a']]]);
  assert.equal(find(cs, 'date.start')[0]!.status, 'single-source');
});

test('deterministic: the same document gives the same claims with the same ids', () => {
  const mk = () =>
    testDoc([
      { id: 'a', outlet: 'Alpha', sentences: ['The flood killed 12 people.'] },
      { id: 'b', outlet: 'Beta', sentences: ['The flood killed 14 people.'] },
    ]);
  const x = buildClaims(mk(), 's1');
  const y = buildClaims(mk(), 's1');
  assert.deepEqual(x, y);
  assert.match(x[0]!.id, /^c[0-9a-f]{16}$/);
});

test('kinds: one document called a memorandum by one source and a letter of intent by another is contested', () => {
  const rec = (id: string, article: string, title: string, kind: string) => ({
    id,
    event: null,
    story: 's1',
    title,
    kind,
    parties: [],
    partyRefs: [],
    fields: [],
    date: { start: null, end: null, value: null },
    place: null,
    signed: true,
    evidence: [{ article, sentence: 0, start: 0, end: 5 }],
  });
  const doc = testDoc(
    [
      { id: 'a', outlet: 'Alpha', lang: 'id', sentences: ['Mereka meneken nota kesepahaman sertifikasi produk halal dan kontrak beras.'] },
      { id: 'b', outlet: 'Beta', lang: 'en', sentences: ['They signed a letter of intent on halal product certification and a rice contract.'] },
      { id: 'c', outlet: 'Gamma', lang: 'id', sentences: ['Nota kesepahaman kerja sama sertifikasi halal diteken.'] },
    ],
    {
      agreements: [
        rec('g1', 'a', 'nota kesepahaman sertifikasi produk halal', 'memorandum of understanding'),
        rec('g2', 'a', 'kontrak beras', 'contract'),
        rec('g3', 'b', 'letter of intent on halal product certification', 'letter of intent'),
        rec('g4', 'b', 'rice contract', 'contract'),
        rec('g5', 'c', 'nota kesepahaman kerja sama sertifikasi halal', 'memorandum of understanding'),
      ],
    },
  );
  const kinds = buildClaims(doc, 's1').filter((c) => c.subject.kind === 'agreement' && c.attribute === 'kind');
  const halal = kinds.find((c) => c.values.some((v) => v.value === 'letter of intent'))!;
  assert.equal(halal.status, 'contested');
  assert.deepEqual(halal.values.map((v) => [v.value, v.articles]), [['memorandum of understanding', ['a', 'c']], ['letter of intent', ['b']]]);
  // the rice contracts share no word across the languages: two documents as far as titles tell, neither contested
  assert.ok(kinds.filter((c) => c !== halal).every((c) => c.status !== 'contested'));
});

test('an agreement date is a claim when it is one day, not when it is the span of the visit it was signed during', () => {
  const rec = (id: string, article: string, date: { start: string; end: string; value: string }) => ({
    id, event: null, story: 's1', title: 'nota kesepahaman perikanan', kind: 'memorandum of understanding', parties: [], partyRefs: [], fields: [], date, place: null, signed: true,
    evidence: [{ article, sentence: 0, start: 0, end: 5 }],
  });
  const doc = testDoc(
    [
      { id: 'a', outlet: 'Alpha', lang: 'id', published: '2025-05-21', sentences: ['Nota kesepahaman perikanan diteken pada Selasa.'] },
      { id: 'b', outlet: 'Beta', lang: 'id', published: '2025-05-21', sentences: ['Nota kesepahaman perikanan diteken selama kunjungan.'] },
    ],
    { agreements: [rec('g1', 'a', { start: '2025-05-20', end: '2025-05-20', value: '2025-05-20' }), rec('g2', 'b', { start: '2025-05-19', end: '2025-05-21', value: '2025-05-19' })] },
  );
  const dates = buildClaims(doc, 's1').filter((c) => c.subject.kind === 'agreement' && c.attribute === 'date');
  assert.deepEqual(dates.map((c) => c.values.map((v) => [v.value, v.articles])), [[['2025-05-20', ['a']]]]);
});

test('manner at a position: a free kick in the 81st minute against a penalty in the 81st minute', () => {
  const cs = buildClaims(
    testDoc([
      { id: 'a', outlet: 'Alpha', lang: 'en', sentences: ['Vietnam levelled in the 81st minute when he curled a free kick into the corner.'] },
      { id: 'b', outlet: 'Beta', lang: 'id', sentences: ['Pada menit ke-81, Vietnam menyamakan kedudukan lewat tendangan bebas.'] },
      { id: 'c', outlet: 'Gamma', lang: 'vi', sentences: ['Phút 81, anh thực hiện thành công quả phạt đền.'] },
    ]),
    's1',
  );
  const kind = cs.find((c) => c.attribute === 'minute.kind')!;
  assert.equal(kind.status, 'contested');
  assert.deepEqual(kind.values.map((v) => [v.value, v.independentSources]), [['free kick', 2], ['penalty', 1]]);
  assert.equal(cs.find((c) => c.attribute === 'minute')!.status, 'corroborated');
});

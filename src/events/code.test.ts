import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle, codeSentence, type CodedEvent } from './code.ts';
import { keywordType } from './baseline.ts';
import { matchPhrase } from './lexicon.ts';
import { tokens } from './tokens.ts';
import { splitSentences } from '../text/sentences.ts';

const main = (evs: CodedEvent[]) => evs.find((e) => e.main) ?? evs[0];
const P = '2024-05-10';

test('phrase matcher: alternatives, stems, gaps and joined tokens', () => {
  const owner = {};
  const t = tokens('They held two days of talks and bekerja sama');
  assert.equal(matchPhrase(owner, 'hold|held ... talks', t, 1), 6);
  assert.equal(matchPhrase(owner, 'hold|held ... talks', t, 0), -1);
  assert.equal(matchPhrase(owner, 'bekerja_sama|bekerjasama', t, 7), 9);
  assert.equal(matchPhrase(owner, 'ta*', t, 5), 6);
  assert.equal(matchPhrase(owner, 'ta*', t, 6), -1);
});

test('en: a visit, its visitor and host, place and date', () => {
  const e = main(codeSentence('Japanese Prime Minister Fumio Kishida visited Indonesia on Monday and met President Joko Widodo in Jakarta.', { lang: 'en', published: P }))!;
  assert.equal(e.type, 'CONSULT');
  assert.equal(e.mode, 'visit');
  assert.match(e.actors[0]!.text, /Kishida/);
  assert.equal(e.actors[0]!.country, 'JP');
  assert.equal(e.recipients[0]!.text, 'Indonesia');
  assert.equal(e.date.value, '2024-05-06');
  assert.equal(e.negated, false);
  assert.equal(e.modality, 'asserted');
});

test('en: the host welcomes the visitor: the visitor is the actor', () => {
  const e = codeSentence('President Joko Widodo welcomed Prime Minister Anthony Albanese at the palace.', { lang: 'en', published: P }).find((x) => x.type === 'CONSULT')!;
  assert.match(e.actors[0]!.text, /Albanese/);
  assert.match(e.recipients[0]!.text, /Widodo/);
});

test('en: negated, future and reported events', () => {
  const neg = main(codeSentence('Japan did not sign the agreement with South Korea.', { lang: 'en', published: P }))!;
  assert.equal(neg.negated, true);
  const fut = main(codeSentence('Malaysia will sign a trade agreement with Brazil next month.', { lang: 'en', published: P }))!;
  assert.equal(fut.type, 'AGREE');
  assert.equal(fut.intent, 'SUPPORT');
  assert.equal(fut.modality, 'future');
  assert.equal(fut.negated, false);
  const rep = main(codeSentence('Rebel fighters reportedly attacked a police post in Mindanao.', { lang: 'en', published: P }))!;
  assert.equal(rep.type, 'ASSAULT');
  assert.equal(rep.modality, 'reported');
});

test('en: framing verbs and conditional promises', () => {
  assert.equal(main(codeSentence('Chile refused to extradite the former minister to Peru.', { lang: 'en' }))!.type, 'REJECT');
  assert.equal(main(codeSentence('Ghana threatened to expel the ambassador of Togo.', { lang: 'en' }))!.type, 'THREATEN');
  assert.equal(main(codeSentence('Egypt will withdraw its observers from Libya unless the fighting stops.', { lang: 'en' }))!.type, 'THREATEN');
  assert.equal(main(codeSentence('Norway urged Sri Lanka to resume talks with the rebels.', { lang: 'en' }))!.type, 'REQUEST');
});

test('en: history recalled in passing is background with its own date', () => {
  const e = main(codeSentence('Diplomatic relations between the two countries were established in 1950.', { lang: 'en', published: P }))!;
  assert.equal(e.background, true);
  assert.equal(e.date.value, '1950');
  const v = main(codeSentence('The last such visit was in 2007.', { lang: 'en', published: P }))!;
  assert.equal(v.type, 'CONSULT');
  assert.equal(v.background, true);
  assert.equal(v.date.value, '2007');
  const now = main(codeSentence('Chile and Peru signed a fisheries accord today.', { lang: 'en', published: P }))!;
  assert.equal(now.background, false);
  assert.equal(now.date.value, P);
});

test('id: negated, future and reported events', () => {
  const neg = main(codeSentence('Menteri Luar Negeri Thailand tidak bertemu dengan Menteri Luar Negeri Kamboja di Bangkok.', { lang: 'id', published: P }))!;
  assert.equal(neg.type, 'CONSULT');
  assert.equal(neg.negated, true);
  const fut = main(codeSentence('Presiden Filipina akan menandatangani perjanjian pertahanan dengan Jepang pekan depan.', { lang: 'id', published: P }))!;
  assert.equal(fut.type, 'AGREE');
  assert.equal(fut.modality, 'future');
  assert.equal(fut.actors[0]!.country, 'PH');
  assert.equal(fut.recipients[0]!.country, 'JP');
  const rep = main(codeSentence('Pasukan Myanmar dikabarkan menyerang desa di perbatasan.', { lang: 'id', published: P }))!;
  assert.equal(rep.type, 'ASSAULT');
  assert.equal(rep.modality, 'reported');
});

test('id: a nominalised visit with its possessor, a passive welcome, background', () => {
  const v = main(codeSentence('Kunjungan Presiden Chile ke Argentina berlangsung pada 3 Mei 2024.', { lang: 'id', published: P }))!;
  assert.equal(v.type, 'CONSULT');
  assert.equal(v.actors[0]!.country, 'CL');
  assert.equal(v.recipients[0]!.text, 'Argentina');
  const w = codeSentence('Perdana Menteri Kanada disambut oleh Presiden Meksiko di Mexico City.', { lang: 'id', published: P }).find((e) => e.type === 'CONSULT')!;
  assert.equal(w.actors[0]!.country, 'CA');
  assert.equal(w.recipients[0]!.country, 'MX');
  const b = main(codeSentence('Hubungan diplomatik kedua negara dijalin pada tahun 1962.', { lang: 'id', published: P }))!;
  assert.equal(b.background, true);
  assert.equal(b.date.value, '1962');
});

test('vi: negated, future and reported events', () => {
  const neg = main(codeSentence('Bộ trưởng Quốc phòng Ba Lan không gặp người đồng cấp Đức tại Berlin.', { lang: 'vi', published: P }))!;
  assert.equal(neg.type, 'CONSULT');
  assert.equal(neg.negated, true);
  const fut = main(codeSentence('Thủ tướng Nhật Bản sẽ thăm chính thức Ấn Độ vào tháng tới.', { lang: 'vi', published: P }))!;
  assert.equal(fut.type, 'AGREE');
  assert.equal(fut.intent, 'CONSULT');
  assert.equal(fut.modality, 'future');
  const rep = main(codeSentence('Quân đội Sudan được cho là đã tấn công một ngôi làng ở Darfur.', { lang: 'vi', published: P }))!;
  assert.equal(rep.type, 'ASSAULT');
  assert.equal(rep.modality, 'reported');
  const b = main(codeSentence('Hai nước thiết lập quan hệ ngoại giao năm 1955.', { lang: 'vi', published: P }))!;
  assert.equal(b.background, true);
});

test('denial, plans, another\'s act told in speech and a negated future, in each language (en, id, vi)', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // lang, denial, plan, speech about another's act, negated future
    ['en', 'Thailand denied that its troops had attacked a village in Cambodia.', 'Peru plans to sign a fisheries agreement with Chile in July.', 'The foreign minister of Chile said that Bolivian troops attacked a border post.', 'Japan will not sign the agreement with Mexico.'],
    ['id', 'Pemerintah Thailand membantah bahwa pasukannya menyerang desa di Kamboja.', 'Peru berencana menandatangani perjanjian perikanan dengan Chile pada Juli.', 'Menteri Luar Negeri Chile mengatakan bahwa pasukan Bolivia menyerang pos perbatasan.', 'Jepang tidak akan menandatangani perjanjian dengan Korea Selatan.'],
    ['vi', 'Thái Lan phủ nhận việc quân đội nước này tấn công một ngôi làng ở Campuchia.', 'Peru có kế hoạch ký hiệp định nghề cá với Chile vào tháng 7.', 'Bộ trưởng Ngoại giao Chile cho biết quân đội Bolivia đã tấn công một đồn biên phòng.', 'Nhật Bản sẽ không ký hiệp định với Hàn Quốc.'],
  ];
  for (const [lang, denial, plan, told, negFuture] of cases) {
    const at = (t: string) => main(codeSentence(t, { lang, published: P }))!;
    // a denied act keeps its type and is negated
    const d = at(denial);
    assert.deepEqual([d.type, d.negated, d.actors[0]?.country], ['ASSAULT', true, 'TH'], `${lang}: ${denial}`);
    // a plan to sign is an AGREE whose intent is the signing, modality planned
    const p = at(plan);
    assert.deepEqual([p.type, p.intent, p.modality, p.negated, p.actors[0]?.country, p.recipients[0]?.country], ['AGREE', 'SUPPORT', 'planned', false, 'PE', 'CL'], `${lang}: ${plan}`);
    // an act the speaker tells of someone else is reported, with that someone as its actor, not the speaker
    const r = at(told);
    assert.deepEqual([r.type, r.modality, r.negated, r.actors[0]?.country], ['ASSAULT', 'reported', false, 'BO'], `${lang}: ${told}`);
    // "will not sign": negated and future, never an AGREE (no promise was made)
    const n = at(negFuture);
    assert.deepEqual([n.negated, n.modality, n.type === 'AGREE'], [true, 'future', false], `${lang}: ${negFuture}`);
  }
});

test('codeArticle: evidence points into the article and dates use the publication date', () => {
  const text = 'Ministers from Peru and Chile met in Lima on Tuesday. They signed a memorandum of understanding on fisheries.';
  const evs = codeArticle({ id: 'a', text, sentences: [], language: 'en', published: '2024-05-10' });
  const meet = evs.find((e) => e.type === 'CONSULT')!;
  assert.equal(meet.evidence.sentence, 0);
  assert.equal(text.slice(meet.trigger.start, meet.trigger.end), 'met');
  assert.equal(meet.date.value, '2024-05-07');
  const sign = evs.find((e) => e.type === 'SUPPORT')!;
  assert.equal(sign.evidence.sentence, 1);
});

test('keyword baseline takes the first trigger word, blind to framing', () => {
  assert.equal(keywordType('Chile refused to extradite the former minister.', 'en'), 'REJECT');
  assert.equal(keywordType('The weather was fine.', 'en'), null);
});

test('arriving in one\'s own country is the end of a visit; "X said Y must …" is a request of X to Y', () => {
  const text = 'Presiden Chile Gabriel Boric tiba di Santiago pada Minggu (5/5/2024) setelah kunjungan ke Argentina.';
  const evs = codeArticle({ id: 'r', text, sentences: [], language: 'id', published: P });
  const back = evs.find((e) => e.trigger.text.startsWith('tiba'))!;
  assert.equal(back.mode, 'visit-end');
  assert.equal(back.date.value, '2024-05-05');
  const req = main(codeSentence('Russia said on Tuesday that Georgia must return the seized cargo.', { lang: 'en' }))!;
  assert.equal(req.type, 'REQUEST');
  assert.equal(req.actors[0]!.text, 'Russia');
  assert.equal(req.recipients[0]!.text, 'Georgia');
});

test('dates: a span of days gives a start and an end; a coarse year gives way to the finer date it contains', () => {
  const [v] = codeSentence('Dalam rangka Tahun Persahabatan 2024, Presiden Chile Gabriel Boric melakukan kunjungan kenegaraan ke Argentina pada 3-5 Mei 2024.', { lang: 'id', published: P }).filter((e) => e.type === 'CONSULT');
  assert.equal(v!.mode, 'visit');
  assert.deepEqual([v!.date.start, v!.date.end], ['2024-05-03', '2024-05-05']);
  const [w] = codeSentence('Chủ tịch nước Chile thăm cấp nhà nước Peru từ ngày 3 đến 5/5/2024.', { lang: 'vi', published: P }).filter((e) => e.type === 'CONSULT');
  assert.deepEqual([w!.date.start, w!.date.end], ['2024-05-03', '2024-05-05']);
});

test('"the visit" told again has no parties of its own; documents and fields are no parties', () => {
  const cases: Array<[string, string]> = [
    ['id', 'Selama kunjungan tersebut, Kementerian Luar Negeri Chile dan Peru menandatangani nota kesepahaman.'],
    ['en', 'During this visit, Chile and Peru signed a memorandum on fisheries.'],
    ['vi', 'Trong chuyến thăm này, Chile và Peru đã ký bản ghi nhớ về nghề cá.'],
  ];
  for (const [lang, text] of cases) {
    const evs = codeSentence(text, { lang, published: P });
    const visit = evs.find((e) => e.type === 'CONSULT')!;
    assert.deepEqual([visit.actors, visit.recipients], [[], []], `${lang}: ${JSON.stringify(visit)}`);
    assert.ok(evs.some((e) => e.type === 'SUPPORT' && e.actors.some((a) => a.country === 'CL')), lang);
  }
  const sign = codeSentence('Memorandum Kesepahaman ditandatangani di bidang Ilmu Pengetahuan dan Kesehatan.', { lang: 'id', published: P })[0]!;
  assert.ok([...sign.actors, ...sign.recipients].every((p) => !/Memorandum|Ilmu|Kesehatan/.test(p.text)), JSON.stringify(sign));
});

test('the one welcomed on a visit is its visitor, not the host who welcomes', () => {
  for (const [lang, text] of [
    ['id', 'Presiden Argentina Javier Milei menyambut Presiden Chile Gabriel Boric dalam kunjungan kenegaraan ke Argentina.'],
    ['en', 'Argentine President Javier Milei welcomed Chilean President Gabriel Boric on his state visit to Argentina.'],
  ] as const) {
    const visits = codeSentence(text, { lang, published: P }).filter((e) => e.type === 'CONSULT' && e.mode === 'visit');
    assert.ok(visits.length >= 1);
    for (const v of visits) {
      assert.ok(v.actors.every((a) => a.country === 'CL'), `${lang}: ${JSON.stringify(v.actors)}`);
      assert.ok(v.recipients.some((r) => r.country === 'AR'), lang);
    }
  }
});

test('a person with no country takes the one the other parties of their side name; arriving home ends the visit', () => {
  const text = 'Presiden Gabriel Boric dan delegasi Chile tiba di Buenos Aires pada 3 Mei 2024 untuk kunjungan kenegaraan ke Argentina.\n\nPada 5 Mei 2024, Gabriel Boric tiba di Santiago.';
  const evs = codeArticle({ id: 'a', text, sentences: splitSentences(text, 'id'), language: 'id', published: '2024-05-06' });
  const home = evs.find((e) => e.location?.country === 'CL');
  assert.ok(home, JSON.stringify(evs.map((e) => [e.type, e.mode, e.location])));
  assert.equal(home.mode, 'visit-end');
  assert.ok(home.actors.every((a) => a.country === 'CL'));
});

test('parties: a both-sides phrase is the whole actor, not the words before it; a reduplicated common word is no name', () => {
  const id = codeSentence('Kedua negara terus memelihara koordinasi dalam forum regional dan internasional di mana kedua belah pihak berpartisipasi.', { lang: 'id', published: P });
  const part = id.find((e) => e.trigger.text === 'berpartisipasi')!;
  assert.deepEqual(part.actors.map((a) => a.text), ['kedua belah pihak']);
  const en = codeSentence('Talks were held in the region where the two sides participated.', { lang: 'en', published: P });
  assert.ok(en.every((e) => e.actors.every((a) => a.text === 'the two sides')), JSON.stringify(en.map((e) => e.actors)));
  // modifiers before an actor noun stay ("heavily armed police"), up to a function word or a date
  const police = codeSentence('On Sunday heavily armed police attacked the protesters.', { lang: 'en', published: P });
  assert.deepEqual(police[0]!.actors.map((a) => a.text), ['heavily armed police']);
  // where modifiers follow the noun, the words before it are not the actor's
  const gov = codeSentence('Ia berharap pemerintah akan membantu para korban.', { lang: 'id', published: P });
  assert.deepEqual(gov[0]!.actors.map((a) => a.text), ['pemerintah']);
  // "Langkah-langkah" (steps) opening a sentence is the plural of a common word, no party
  const steps = codeSentence('Langkah-langkah ini bertujuan mendorong kerja sama perdagangan antara kedua negara.', { lang: 'id', published: P });
  assert.ok(steps.every((e) => e.actors.every((a) => !/Langkah/.test(a.text))), JSON.stringify(steps.map((e) => e.actors)));
});

test('subjects: a title-case dateline is no actor; a place in an opening phrase gives way to the actor phrase after the comma', () => {
  const d = codeSentence('Lima, 3 Maret 2026 - Presiden Chile Mateo Rivas tiba di Lima untuk kunjungan kenegaraan.', { lang: 'id', published: '2026-03-03' });
  for (const e of d) assert.ok(e.actors.every((a) => a.text !== 'Lima'), JSON.stringify(e.actors));
  assert.ok(d.some((e) => e.actors.some((a) => /Mateo Rivas/.test(a.text))));
  const id = codeSentence('Dalam pertemuan di Istana Merdeka, kedua pemimpin membahas kerja sama perdagangan.', { lang: 'id', published: P });
  assert.deepEqual(id.find((e) => e.trigger.text === 'membahas')!.actors.map((a) => a.text), ['kedua pemimpin']);
  const en = codeSentence('At the Merdeka Palace, the two leaders discussed trade.', { lang: 'en', published: P });
  assert.ok(en[0]!.actors.every((a) => !/Palace/.test(a.text)), JSON.stringify(en[0]!.actors));
  const vi = codeSentence('Tại Phủ Chủ tịch, hai bên đã hội đàm về thương mại.', { lang: 'vi', published: P });
  assert.ok(vi.every((e) => e.actors.every((a) => !/Phủ/.test(a.text))), JSON.stringify(vi.map((e) => e.actors)));
});

test('honours, salutes, parades and fireworks are the ceremony, not force (en, id, vi, ms)', () => {
  const cases: Array<[string, string]> = [
    ['en', 'A guard of honour marched past and a 21-gun salute was fired as the Ruvanian president arrived in Lima.'],
    ['id', 'Sebanyak 19 tembakan salut meriam dilepaskan saat Presiden Ruvania tiba di Lima.'],
    ['vi', '21 loạt đại bác chào mừng được bắn khi Tổng thống Ruvania đến Lima.'],
    ['ms', 'Sebanyak 21 das tembakan meriam dilepaskan ketika Presiden Ruvania tiba di Lima.'],
  ];
  for (const [lang, text] of cases) {
    const types = codeSentence(text, { lang, published: P }).map((e) => e.type);
    assert.ok(!types.some((t) => ['ASSAULT', 'RETREAT', 'PROTEST', 'MOBILIZE'].includes(t)), `${lang}: ${types}`);
  }
  // force told apart from any rite stays force
  assert.equal(main(codeSentence('Soldiers fired on protesters in Lima on Monday.', { lang: 'en', published: P }))!.type, 'ASSAULT');
  assert.equal(main(codeSentence('Polisi menembak para pengunjuk rasa di Lima.', { lang: 'id', published: P }))!.type, 'ASSAULT');
});

test('an event its own sentence dates well before publication is background, whatever its tense (en, id, vi)', () => {
  const pub = '2026-03-05';
  const cases: Array<[string, string]> = [
    ['en', 'President Arlo Venn recalled his official visit to Lodonia in 2025.'],
    ['en', 'The foreign minister visited Lodonia in January.'],
    ['id', 'Presiden Arlo Venn mengenang kunjungan resminya ke Lodonia pada tahun 2025.'],
    ['vi', 'Tổng thống Arlo Venn đã thăm Lodonia vào năm 2025.'],
  ];
  for (const [lang, text] of cases) {
    const e = codeSentence(text, { lang, published: pub }).find((x) => x.type === 'CONSULT')!;
    assert.equal(e.background, true, `${lang}: ${text}`);
  }
  // a date within the month before publication is current news, and so is the year just ended early in January
  assert.equal(codeSentence('The foreign minister visited Lodonia on 20 February.', { lang: 'en', published: pub })[0]!.background, false);
  assert.equal(codeSentence('The foreign minister visited Lodonia in 2025.', { lang: 'en', published: '2026-01-04' })[0]!.background, false);
});

test('a year in a document name dates no event (en, id)', () => {
  const en = codeSentence('Ruvania urged Lodonia to respect the 1982 Convention on the Law of the Sea.', { lang: 'en', published: '2026-03-05' })[0]!;
  assert.equal(en.date.value, null);
  assert.equal(en.background, false);
  const id = codeSentence('Presiden Ruvania meminta Lodonia menghormati Konvensi Perserikatan Bangsa-Bangsa tentang Hukum Laut (UNCLOS) 1982.', { lang: 'id', published: '2026-03-05' })[0]!;
  assert.equal(id.date.value, null);
  assert.equal(id.background, false);
  // a bare year that is the event's own stays its date
  assert.equal(codeSentence('Ruvania signed the convention in 1982.', { lang: 'en', published: '2026-03-05' })[0]!.date.value, '1982');
});

test('signing is its own mode of SUPPORT; an agreement noun the signing takes as its object is no event of its own (en, id, vi)', () => {
  const cases: Array<[string, string]> = [
    ['en', 'The agreement that was signed in Lima covers fisheries.'],
    ['id', 'Kesepakatan yang ditandatangani di Lima mencakup perikanan.'],
    ['vi', 'Thỏa thuận được ký tại Lima bao gồm nghề cá.'],
  ];
  for (const [lang, text] of cases) {
    const evs = codeSentence(text, { lang, published: P });
    assert.deepEqual(evs.map((e) => [e.type, e.mode]), [['SUPPORT', 'sign']], `${lang}: ${JSON.stringify(evs.map((e) => e.trigger.text))}`);
  }
  assert.equal(main(codeSentence('Ruvania praised the agreement.', { lang: 'en', published: P }))!.mode, null);
});

test('an event noun remembered or cherished is no promise of it, but what was, told in passing (en, id, vi)', () => {
  const cases: Array<[string, string]> = [
    ['en', 'Ruvania will always remember the support of the Lodonian people.'],
    ['id', 'Presiden Ruvania mengatakan rakyatnya akan selalu mengingat dukungan rakyat Lodonia.'],
    ['vi', 'Nhân dân Ruvania sẽ luôn ghi nhớ sự ủng hộ của nhân dân Lodonia.'],
  ];
  for (const [lang, text] of cases) {
    const evs = codeSentence(text, { lang, published: P });
    assert.ok(!evs.some((e) => e.type === 'AGREE' || (!e.background && e.modality !== 'asserted')), `${lang}: ${JSON.stringify(evs.map((e) => [e.type, e.modality]))}`);
    assert.ok(evs.every((e) => e.background), lang);
  }
  // the promise itself stays a promise
  const promise = main(codeSentence('Ruvania akan mendukung Lodonia.', { lang: 'id', published: P }))!;
  assert.deepEqual([promise.type, promise.intent, promise.modality], ['AGREE', 'SUPPORT', 'future']);
});

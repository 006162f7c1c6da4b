import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalParty, entityByName, groupParty, titleHolder } from './parties.ts';

type E = Parameters<typeof titleHolder>[0][number];
const person = (id: string, name: string, roles: Array<{ title: string; org?: string; article: string }>, articles: string[]): E => ({
  id,
  type: 'PERSON',
  name,
  aliases: [{ text: name, lang: 'id' }],
  roles,
  mentions: articles.map((article) => ({ article, start: 0, end: name.length })),
});
const ents: E[] = [
  person('rina', 'Rina Wulandari', [{ title: 'Sekretaris Jenderal', org: 'Komunitas Andes', article: 'a' }, { title: 'Sekretaris Jenderal', org: 'Komunitas Andes', article: 'd' }], ['a', 'd']),
  person('diego', 'Diego Soto', [{ title: 'Sekretaris Jenderal', org: 'Partai Hijau', article: 'a' }], ['a']),
  person('tomas', 'Tomas Vidal', [{ title: 'Foreign Minister', article: 'b' }], ['b']),
  person('nam', 'Lê Văn Nam', [{ title: 'Bộ trưởng Ngoại giao', article: 'c' }], ['c']),
  { id: 'cl', type: 'PLACE', name: 'Chile', aliases: [{ text: 'Chili', lang: 'id' }], roles: [], mentions: [{ article: 'a', start: 0, end: 5 }], country: 'CL' },
];

test('a speaker named by title alone is the one holder of that title in the article (id, en, vi)', () => {
  // one holder: with a demonstrative or an article around the title
  assert.equal(titleHolder(ents, 'd', 'Sekretaris Jenderal'), 'rina');
  assert.equal(titleHolder(ents, 'd', 'Sekretaris Jenderal itu'), 'rina');
  assert.equal(titleHolder(ents, 'b', 'the Foreign Minister'), 'tomas');
  // a part of the one title held in the article ("the minister" for the foreign minister)
  assert.equal(titleHolder(ents, 'b', 'the minister'), 'tomas');
  assert.equal(titleHolder(ents, 'c', 'Bộ trưởng'), 'nam');
  assert.equal(titleHolder(ents, 'b', 'the Defence Minister'), null);
  // two holders: the bare title names no one, the organisation after it names one
  assert.equal(titleHolder(ents, 'a', 'Sekretaris Jenderal'), null);
  assert.equal(titleHolder(ents, 'a', 'Sekretaris Jenderal Komunitas Andes'), 'rina');
  assert.equal(titleHolder(ents, 'a', 'Sekretaris Jenderal Partai Hijau'), 'diego');
  assert.equal(titleHolder(ents, 'a', 'Sekretaris Jenderal Partai Biru'), null);
  // only roles given in that article count
  assert.equal(titleHolder(ents, 'b', 'Sekretaris Jenderal'), null);
});

test('several holders of the very title: the one named last before the speech, else first after it in its paragraph', () => {
  const at = (id: string, name: string, starts: number[]): E => ({ ...person(id, name, [{ title: 'Sekretaris Jenderal', article: 'p' }], []), mentions: starts.map((start) => ({ article: 'p', start, end: start + name.length })) });
  const three = [at('ana', 'Ana Ruiz', [10, 900]), at('ben', 'Ben Ortiz', [300]), at('caro', 'Caro Lima', [2000])];
  // Ana named at 900, Ben at 300: a bare title at 1000 is Ana's, at 500 Ben's
  assert.equal(titleHolder(three, 'p', 'Sekretaris Jenderal', { offset: 1000 }), 'ana');
  assert.equal(titleHolder(three, 'p', 'Sekretaris Jenderal', { offset: 500 }), 'ben');
  // before anyone is named: the first named after it in the same paragraph, none when the paragraph names none
  assert.equal(titleHolder(three, 'p', 'Sekretaris Jenderal', { offset: 5, paragraph: { start: 0, end: 50 } }), 'ana');
  assert.equal(titleHolder(three, 'p', 'Sekretaris Jenderal', { offset: 5, paragraph: { start: 0, end: 8 } }), null);
  // with no position the bare title still names no one
  assert.equal(titleHolder(three, 'p', 'Sekretaris Jenderal'), null);
  // two holders of different titles the words are only part of stay ambiguous
  const two = [person('x', 'Rosa Vela', [{ title: 'Menteri Luar Negeri', article: 'q' }], ['q']), person('y', 'Luis Mora', [{ title: 'Menteri Perdagangan', article: 'q' }], ['q'])];
  assert.equal(titleHolder(two, 'q', 'menteri itu', { offset: 100 }), null);
});

test('a party is shown by its entity\'s canonical name, the title kept as a role', () => {
  assert.deepEqual(canonicalParty({ text: 'Sekretaris Jenderal Rina Wulandari' }, ents[0]!), { text: 'Rina Wulandari', role: 'Sekretaris Jenderal' });
  assert.deepEqual(canonicalParty({ text: 'President Rina Wulandari of Chile' }, ents[0]!), { text: 'Rina Wulandari', role: 'President of Chile' });
  assert.deepEqual(canonicalParty({ text: 'Bộ trưởng Ngoại giao Lê Văn Nam' }, ents[3]!), { text: 'Lê Văn Nam', role: 'Bộ trưởng Ngoại giao' });
  assert.deepEqual(canonicalParty({ text: 'Rina Wulandari' }, ents[0]!), { text: 'Rina Wulandari' });
  // a place under another of its names takes the canonical one; a group of it keeps its words
  assert.deepEqual(canonicalParty({ text: 'Chili' }, ents[4]!), { text: 'Chile' });
  assert.deepEqual(canonicalParty({ text: 'rakyat Chili' }, ents[4]!), { text: 'rakyat Chili' });
});

test('unlinked parties: group nouns of the lexicons stay, capitalised words that name nothing go', () => {
  for (const t of ['kedua belah pihak', 'Kedua pemimpin', 'Pemerintah', 'the two sides', 'riot police', 'hai bên', 'pemimpin Partai']) assert.equal(groupParty({ text: t }), true, t);
  for (const t of ['Langkah-langkah', 'Taman Kanak-kanak', 'Negara Bagian', 'internasional', 'Ngày hội']) assert.equal(groupParty({ text: t }), false, t);
});

test('a party no mention covers links by its words to a person the article, else its story, names', () => {
  assert.equal(entityByName(ents, 'a', 'Diego Soto')?.id, 'diego');
  assert.equal(entityByName(ents, 'a', 'Sekretaris Jenderal Diego Soto')?.id, 'diego');
  assert.equal(entityByName(ents, 'x', 'Tomas Vidal'), null);
  assert.equal(entityByName(ents, 'x', 'Tomas Vidal', new Set(['x', 'b']))?.id, 'tomas');
  // places are linked by their mentions only
  assert.equal(entityByName(ents, 'a', 'Chile'), null);
});

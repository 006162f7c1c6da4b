// A short name in one article of a story is the full name another article of that story gives; per story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkShortNamesInStories } from './storylink.ts';
import type { ExportEntity } from './store.ts';

/** Linking keys by entity id, as the store holds them (people's do not matter here). */
const keys = (...pairs: Array<[string, string]>) => new Map(pairs);
const none = keys();

const person = (id: string, name: string, mentions: Array<[string, number]>, roles: ExportEntity['roles'] = []): ExportEntity => ({
  id,
  type: 'PERSON',
  name,
  aliases: [{ text: name, lang: 'id' }],
  roles,
  mentions: mentions.map(([article, start]) => ({ article, start, end: start + name.length })),
});

test('a surname alone is the full name of its own story, another story keeps its own reading', () => {
  const storyOf = new Map([['a1', 's1'], ['a2', 's1'], ['a3', 's2'], ['a4', 's2']]);
  const ents = [
    person('e1', 'Budi Hartono', [['a1', 0]], [{ title: 'Menteri', article: 'a1' }]),
    person('e2', 'Hartono', [['a2', 10], ['a4', 5]], [{ title: 'Menteri', article: 'a2' }]),
    person('e3', 'Rina Hartono', [['a3', 0]]),
  ];
  const out = linkShortNamesInStories(ents, storyOf, none);
  assert.deepEqual(out.map((e) => e.id), ['e1', 'e3'], 'the short entity has no mention left');
  const budi = out.find((e) => e.id === 'e1')!;
  assert.deepEqual(budi.mentions.map((m) => m.article), ['a1', 'a2']);
  assert.deepEqual(budi.aliases.map((a) => a.text), ['Budi Hartono', 'Hartono']);
  assert.deepEqual(budi.roles.map((r) => r.article), ['a1', 'a2']);
  assert.deepEqual(out.find((e) => e.id === 'e3')!.mentions.map((m) => m.article), ['a3', 'a4']);
});

test('a short name two full names of the story could be, or a name that is not a person, stays apart', () => {
  const storyOf = new Map([['a1', 's1'], ['a2', 's1'], ['a3', 's1']]);
  const ambiguous = [person('e1', 'Ana Putri', [['a1', 0]]), person('e2', 'Ana Lestari', [['a2', 0]]), person('e3', 'Ana', [['a3', 0]])];
  assert.equal(linkShortNamesInStories(ambiguous, storyOf, none).length, 3);
  const agency = [person('e1', 'BPBD Kota Lama', [['a1', 0]]), person('e2', 'Kota Lama', [['a2', 0]])];
  assert.equal(linkShortNamesInStories(agency, storyOf, none).length, 2);
  // the given names after the family name are a short form of the full name
  const runs = [person('e1', 'Tran Van Long', [['a1', 0]]), person('e2', 'Van Long', [['a2', 0]])];
  assert.equal(linkShortNamesInStories(runs, storyOf, none).length, 1);
  // articles outside any story are not linked
  assert.equal(linkShortNamesInStories([person('e1', 'Budi Hartono', [['x1', 0]]), person('e2', 'Hartono', [['x2', 0]])], new Map(), none).length, 2);
});

test("a ministry named without its country is the one country's ministry the story names elsewhere", () => {
  const storyOf = new Map([['a1', 's1'], ['a2', 's1'], ['a3', 's2']]);
  const org = (id: string, name: string, mentions: Array<[string, number]>): ExportEntity => ({ ...person(id, name, mentions), type: 'ORGANISATION' });
  const ministries = keys(['e1', 'org:ministry-finance@LA'], ['e2', 'org:ministry-finance'], ['e3', 'org:ministry-finance@KH'], ['e4', 'org:ministry-finance@*']);
  const out = linkShortNamesInStories([org('e1', 'Ministry of Finance (Laos)', [['a1', 0]]), org('e2', 'Ministry of Finance', [['a2', 0], ['a3', 0]])], storyOf, ministries);
  assert.deepEqual(out.map((e) => [e.id, e.mentions.map((m) => m.article)]), [['e1', ['a1', 'a2']], ['e2', ['a3']]]);
  // two countries' forms in the story: left alone
  const two = [org('e1', 'Ministry of Finance (Laos)', [['a1', 0]]), org('e3', 'Ministry of Finance (Cambodia)', [['a1', 9]]), org('e2', 'Ministry of Finance', [['a2', 0]])];
  assert.equal(linkShortNamesInStories(two, storyOf, ministries).length, 3);
  // "the foreign ministries of both countries" is no one country's: never the target
  assert.equal(linkShortNamesInStories([org('e4', 'Ministry of Finance (several countries)', [['a1', 0]]), org('e2', 'Ministry of Finance', [['a2', 0]])], storyOf, ministries).length, 2);
  // an organisation is never merged into a person, nor a person into an organisation
  assert.equal(linkShortNamesInStories([org('e1', 'Hartono Group', [['a1', 0]]), person('e2', 'Hartono', [['a2', 0]])], storyOf, none).length, 2);
});

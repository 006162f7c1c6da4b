import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterByLanguage, completeLink, pairScore, pairScoreStored, relabel, type Member, type PairVector, type StoryNames } from './recluster.ts';

function matrix(n: number, pairs: Array<[number, number, number]>): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = Infinity;
  for (const [i, j, s] of pairs) {
    m[i * n + j] = s;
    m[j * n + i] = s;
  }
  return m;
}

test('completeLink: a chain of neighbours is not one group; every pair of a group reaches the threshold', () => {
  // 0-1 and 1-2 are close, 0-2 is not: single link would chain all three.
  const groups = completeLink(3, matrix(3, [[0, 1, 0.5], [1, 2, 0.4], [0, 2, 0.05]]), 0.2);
  assert.deepEqual(groups, [[0, 1], [2]]);
  // The closest pair goes first: with 1-2 the closer, 1 goes with 2.
  assert.deepEqual(completeLink(3, matrix(3, [[0, 1, 0.4], [1, 2, 0.5], [0, 2, 0.05]]), 0.2), [[0], [1, 2]]);
  assert.deepEqual(completeLink(3, matrix(3, [[0, 1, 0.3], [1, 2, 0.3], [0, 2, 0.3]]), 0.2), [[0, 1, 2]]);
  assert.deepEqual(completeLink(3, matrix(3, [[0, 1, 0.1], [1, 2, 0.1], [0, 2, 0.1]]), 0.2), [[0], [1], [2]]);
  assert.deepEqual(completeLink(1, matrix(1, []), 0.2), [[0]]);
});

test('completeLink: two groups merge only when their least similar pair reaches the threshold', () => {
  // {0,1} and {2,3} are tight; across them 0.3 except 1-3 at 0.15.
  const pairs: Array<[number, number, number]> = [[0, 1, 0.9], [2, 3, 0.8], [0, 2, 0.3], [0, 3, 0.3], [1, 2, 0.3], [1, 3, 0.15]];
  assert.deepEqual(completeLink(4, matrix(4, pairs), 0.2), [[0, 1], [2, 3]]);
  assert.deepEqual(completeLink(4, matrix(4, pairs), 0.15), [[0, 1, 2, 3]]);
});

const names: StoryNames = { founded: (a) => `s${a}`, split: (g) => `split-${g[0]}` };

test('relabel: the new article joins the story all its group was in; nothing else changes', () => {
  const members: Member[] = [{ id: 'x', story: null }, { id: 'a1', story: 'sa1' }, { id: 'a2', story: 'sa1' }];
  const r = relabel(members, [[0, 1, 2]], new Set(), names, 'x');
  assert.equal(r.storyOf.get('x'), 'sa1');
  assert.equal(r.storyOf.get('a2'), 'sa1');
  assert.deepEqual(r.touched, ['sa1']);
  assert.deepEqual(r.opened, []);
  assert.equal(r.emptied.size, 0);
});

test('relabel: an article pulled out of a story goes with the new one; the story stays with its founder', () => {
  // b1 had joined a1's story; the new article x is b1's event: groups {x, b1} and {a1}.
  const members: Member[] = [{ id: 'x', story: null }, { id: 'a1', story: 'sa1' }, { id: 'b1', story: 'sa1' }];
  const r = relabel(members, [[0, 2], [1]], new Set(), names, 'x');
  assert.equal(r.storyOf.get('a1'), 'sa1');
  assert.equal(r.storyOf.get('b1'), 'sx');
  assert.equal(r.storyOf.get('x'), 'sx');
  assert.deepEqual(r.opened, ['sx']);
  assert.deepEqual(r.touched, ['sa1', 'sx']);
  assert.equal(r.emptied.size, 0);
});

test('relabel: a group keeps the story most of its members were in; a story left with none redirects', () => {
  // x brings a1 (story sa1, alone) together with b1 and b2 (story sb1): sb1 has two of the group.
  const members: Member[] = [{ id: 'x', story: null }, { id: 'a1', story: 'sa1' }, { id: 'b1', story: 'sb1' }, { id: 'b2', story: 'sb1' }];
  const r = relabel(members, [[0, 1, 2, 3]], new Set(), names, 'x');
  assert.deepEqual([...r.storyOf.values()], ['sb1', 'sb1', 'sb1', 'sb1']);
  assert.deepEqual([...r.emptied], [['sa1', 'sb1']]);
  assert.deepEqual(r.touched, ['sa1', 'sb1']);
  // The same, but sa1 has older members outside the neighbourhood: it keeps them, so it is not emptied.
  const kept = relabel(members, [[0, 1, 2, 3]], new Set(['sa1']), names, 'x');
  assert.equal(kept.emptied.size, 0);
  assert.equal(kept.storyOf.get('a1'), 'sb1');
});

test('relabel: a group split off without the new article opens a story named by names.split', () => {
  const members: Member[] = [{ id: 'x', story: null }, { id: 'a1', story: 'sa1' }, { id: 'a2', story: 'sa1' }, { id: 'a3', story: 'sa1' }];
  // x goes with a2 and a3 (two of sa1's three): they keep sa1; a1 is left alone.
  const r = relabel(members, [[0, 2, 3], [1]], new Set(), names, 'x');
  assert.equal(r.storyOf.get('x'), 'sa1');
  assert.equal(r.storyOf.get('a1'), 'split-a1');
  assert.deepEqual(r.opened, ['split-a1']);
});

function vec(o: { same?: Record<string, number>; cross?: Record<string, number>; lang?: string; day?: number | null; entities?: string[] }): PairVector {
  const unit = (r: Record<string, number> = {}) => {
    const n = Math.sqrt(Object.values(r).reduce((s, v) => s + v * v, 0)) || 1;
    return new Map(Object.entries(r).map(([k, v]) => [k, v / n]));
  };
  return { id: 'v', lang: o.lang ?? 'en', day: o.day ?? null, same: unit(o.same), cross: unit(o.cross), entities: new Set(o.entities ?? []) };
}

test('pairScore: cosine decayed by days apart, reuse added, other languages by shared entities only', () => {
  const o = { decayDays: 7, crossMinEntities: 2, crossMaxDays: 3, reuseWeight: 0.5 };
  const a = vec({ same: { 'w:flood': 1, 'w:dam': 1 }, day: 100 });
  const b = vec({ same: { 'w:flood': 1, 'w:dam': 1 }, day: 107 });
  assert.ok(Math.abs(pairScore(a, b, 0, o) - Math.exp(-1)) < 1e-9);
  assert.ok(Math.abs(pairScore(a, b, 0.4, o) - (Math.exp(-1) + 0.2)) < 1e-9);
  assert.ok(Math.abs(pairScore(a, b, 0, { ...o, decayDays: 0 }) - 1) < 1e-9);
  const cross = { 'e:kotaseruni': 1, 'e:budihartono': 1, 'n#120': 1 };
  const en = vec({ same: { 'w:flood': 1 }, cross, entities: ['e:kotaseruni', 'e:budihartono'], lang: 'en', day: 100 });
  const id = vec({ same: { 'w:banjir': 1 }, cross, entities: ['e:kotaseruni', 'e:budihartono'], lang: 'id', day: 101 });
  assert.ok(Math.abs(pairScore(en, id, 0, o) - 1) < 1e-9);
  // One shared entity is not enough, nor four days apart.
  assert.equal(pairScore(en, { ...id, entities: new Set(['e:kotaseruni']) }, 0, o), 0);
  assert.equal(pairScore(en, { ...id, day: 104 }, 0, o), 0);
  // In one language the entity keys do not count (the words carry the names).
  assert.equal(pairScore(en, { ...id, lang: 'en' }, 0, o), 0);
});

test('pairScoreStored: the same score as pairScore over the PairVector of the stored arrays', () => {
  const o = { decayDays: 7, crossMinEntities: 2, crossMaxDays: 3, reuseWeight: 0.5 };
  const k = { same: new Set(['w', 'n', '#']), cross: new Set(['#', 'e', 'c']), entity: 'e' };
  const stored = { keys: ['w:banjir', 'w:tanggul', 'n:kota seruni', '#:n3400', 'e:kotaseruni', 'e:rendrawiratmo', 'c:ID'], vals: [0.5, 0.3, 0.4, 0.2, 0.5, 0.4, 0.1], kinds: ['w', 'w', 'n', '#', 'e', 'e', 'c'] };
  const unit = (idx: number[]) => {
    const n = Math.sqrt(idx.reduce((s, i) => s + stored.vals[i]! ** 2, 0));
    return new Map(idx.map((i) => [stored.keys[i]!, stored.vals[i]! / n]));
  };
  const asVector = (lang: string, day: number): PairVector => ({ id: 'b', lang, day, same: unit([0, 1, 2, 3]), cross: unit([3, 4, 5, 6]), entities: new Set(['e:kotaseruni', 'e:rendrawiratmo']) });
  const a = vec({ same: { 'w:banjir': 1, 'n:kota seruni': 2, '#:n3400': 1 }, cross: { '#:n3400': 1, 'e:kotaseruni': 1, 'e:rendrawiratmo': 1 }, entities: ['e:kotaseruni', 'e:rendrawiratmo'], lang: 'en', day: 200 });
  for (const [lang, day, reuse] of [['id', 200, 0], ['id', 202, 0.3], ['en', 201, 0], ['id', 210, 0]] as const) {
    const want = pairScore(a, asVector(lang, day), reuse, o);
    assert.ok(Math.abs(pairScoreStored(a, stored, lang, day, reuse, o, k) - want) < 1e-12, `${lang} ${day}: ${want}`);
  }
  assert.ok(pairScore(a, asVector('id', 200), 0, o) > pairScore(a, asVector('en', 200), 0, o), 'across languages the entities count');
});

test('clusterByLanguage: complete link within a language; one clear cross-language pair joins two groups', () => {
  // 0, 1: Indonesian reports of one event; 2, 3: English reports of it. Only 1-2 share enough names to
  // score across languages; 0-3 and 0-2, 1-3 do not.
  const langs = ['id', 'id', 'en', 'en'];
  const m = matrix(4, [[0, 1, 0.5], [2, 3, 0.6], [1, 2, 0.3], [0, 2, 0], [0, 3, 0], [1, 3, 0]]);
  assert.deepEqual(clusterByLanguage(4, m, langs, 0.12), [[0, 1, 2, 3]]);
  // Complete link over all of them would keep the languages apart.
  assert.deepEqual(completeLink(4, m, 0.12), [[0, 1], [2, 3]]);
  // A cross-language bridge never joins two groups of one language that complete link kept apart:
  // 0 and 1 (Indonesian, unalike) both resemble 2 (English); 2 joins the closer one only.
  const bridge = matrix(3, [[0, 1, 0.05], [0, 2, 0.4], [1, 2, 0.3]]);
  assert.deepEqual(clusterByLanguage(3, bridge, ['id', 'id', 'en'], 0.12), [[0, 2], [1]]);
  // One language: complete link itself.
  const one = matrix(3, [[0, 1, 0.5], [1, 2, 0.4], [0, 2, 0.05]]);
  assert.deepEqual(clusterByLanguage(3, one, ['vi', 'vi', 'vi'], 0.2), completeLink(3, one, 0.2));
});

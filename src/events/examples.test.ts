// The fictional example corpus (examples/, answer key examples/MANIFEST.json): the document counts and kinds each
// article states, read from the answer key, are what findAgreements reports for the plain-text articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAgreements } from './agreements.ts';
import { splitSentences } from '../text/sentences.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repoRoot, 'examples');
interface Manifest {
  articles: Array<{ ref: string; language: string; published?: string | null }>;
  disagreements: Array<{ attribute: string; subject: string; values: Array<{ value: string | number; files: string[] }> }>;
}
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8')) as Manifest;

function agreementsOf(ref: string) {
  const a = manifest.articles.find((x) => x.ref === ref)!;
  const text = fs.readFileSync(path.join(dir, ref), 'utf8');
  return findAgreements({ id: ref, text, sentences: splitSentences(text, a.language), language: a.language, published: a.published ?? null });
}

test('document counts stated by the plain-text articles', () => {
  const d = manifest.disagreements.find((x) => x.attribute === 'documents.count')!;
  let checked = 0;
  for (const v of d.values)
    for (const ref of v.files.filter((f) => f.endsWith('.txt'))) {
      const recs = agreementsOf(ref);
      assert.ok(recs.some((r) => r.count === v.value), `${ref}: a record with count ${v.value}`);
      assert.ok(recs.filter((r) => r.count === v.value).length >= 3, `${ref}: the listed items carry the count`);
      checked++;
    }
  assert.ok(checked >= 2);
});

test('document kinds stated by the plain-text articles', () => {
  const d = manifest.disagreements.find((x) => x.attribute === 'documents.kind')!;
  for (const v of d.values)
    for (const ref of v.files.filter((f) => f.endsWith('.txt'))) {
      const recs = agreementsOf(ref);
      assert.ok(recs.some((r) => r.kind === v.value && /halal/i.test(r.title)), `${ref}: the halal document is a ${v.value}`);
    }
});

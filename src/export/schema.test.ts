import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema, kabarExport } from './schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('schema/kabar-export.schema.json is the one generated from the zod definition (run npm run schema)', () => {
  const committed = JSON.parse(fs.readFileSync(path.join(root, 'schema/kabar-export.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(exportJsonSchema())));
});

test('the documented example export is valid', () => {
  const example = JSON.parse(fs.readFileSync(path.join(root, 'docs/export-example.json'), 'utf8'));
  const r = kabarExport.safeParse(example);
  assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3)));
  assert.ok(example.articles.length > 0 && example.stories.length > 0);
});

test('an export missing a required field is rejected', () => {
  assert.equal(kabarExport.safeParse({ format: 'kabar-export', version: '1.0.0', stories: [], articles: [{ id: 'x' }], reuse: [] }).success, false);
});

// The search page's hits and filter lists, written as strings for speed (src/server/views/home.tsx), are the
// markup the JSX they replace renders (test/render-reference.tsx), byte for byte, whatever the text holds; so is
// a search page filled into its filters' shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNIP_CLOSE, SNIP_OPEN, type Hit } from '../src/server/data.ts';
import { dict } from '../src/server/i18n.ts';
import { HomePage, fillShell, hitHtml, searchShell } from '../src/server/views/home.tsx';
import { hitJsx, optionsJsx } from './render-reference.tsx';

// markup characters, quotes, right-to-left text and overrides, the snippet markers (also unpaired), nothing at all
const PIECES = ['a', 'B & C', '<script>x</script>', '"quoted"', "it's", 'عربي', '\u202eoverride', '', ' space ', 'é', SNIP_OPEN, SNIP_CLOSE, `${SNIP_OPEN}m${SNIP_CLOSE}`, `${SNIP_OPEN}un`, '…'];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const text = (n: number) => Array.from({ length: n }, () => pick(PIECES)).join(pick(['', ' ', '-']));

test('a search hit as the JSX renders it', () => {
  for (let i = 0; i < 3000; i++) {
    const lang = pick(['en', 'id'] as const);
    const ctx = { lang, t: dict(lang), csrf: 'x', here: '/', writable: true, canWrite: true };
    const h: Hit = {
      article: pick(['0123456789abcdef', 'a"b<c', '']),
      story: pick([null, 's0123456789abcdef', 'x&y', '']),
      title: pick([null, text(3), '']),
      outlet: pick([null, text(2), 'outlet-1.example']),
      published: pick([null, '', '2025-03-08', '2025-10', '2025', 'garbage', '2025-13-01T10:00Z']),
      language: pick(['en', 'id', 'und', 'zh-Hant', 'x"y', '']),
      snippet: text(Math.floor(rand() * 8)),
    };
    assert.equal(hitHtml(h, ctx), hitJsx(h, ctx), JSON.stringify(h));
  }
});

test("the filters' option lists as the JSX renders them, kept per list and selection", () => {
  const lists = [[], ['en'], ['en', 'id', 'fr'], ['a & b', 'outlet-1.example', '<x>', '"q"']];
  for (const lang of ['en', 'id'] as const) {
    const t = dict(lang);
    for (const values of lists) {
      for (const selected of [undefined, ...values, 'not listed', '']) {
        // twice: rendered, then kept
        for (let k = 0; k < 2; k++) {
          const page = String(HomePage({ ctx: { lang, t, csrf: 'x', here: '/', writable: true, canWrite: true }, filters: selected === undefined ? {} : { lang: selected, outlet: selected }, options: { languages: values, outlets: values }, stories: [], hits: null, page: 1, pageSize: 20 }));
          const lists = [...page.matchAll(/<select id="(f-lang|f-outlet)" name="(?:lang|outlet)">(.*?)<\/select>/g)].map((m) => m[2]);
          const want = optionsJsx(values, selected, t.filterAny).replace(/^<select id="f" name="f">|<\/select>$/g, '');
          assert.deepEqual(lists, [want, want], `${lang} ${JSON.stringify(values)} ${selected}`);
        }
      }
    }
  }
});

test('a search page filled into the shell kept for its filters is the page written whole, whatever the query', () => {
  // queries with markup, quotes, '&', '+', '%', spaces, non-Latin text, what a slot looks like URL-encoded
  const queries = ['harbour', 'a b', '<script>alert(1)</script>', '"x" & \'y\'', '1+1=2 %20', 'é ü', 'عربي \u202e', '%EE%80%90', '%EE%80%91 q', 'a&page=3', '?q=x#y'];
  const hitsOf = (n: number): Hit[] =>
    Array.from({ length: n }, (_, i) => ({ article: `${i}`.padStart(16, '0'), story: 's0123456789abcdef', title: text(2), outlet: 'outlet-1.example', published: '2025-03-08', language: 'en', snippet: text(4) }));
  let checked = 0;
  for (const lang of ['en', 'id'] as const) {
    for (const filters of [{}, { lang: 'en' }, { outlet: 'a & b', from: '2025-01-01', to: '2025-02-01', entity: 'Kota <x>' }]) {
      for (const page of [1, 3]) {
        for (const n of [0, 5, 20]) {
          const hits = hitsOf(n);
          const ctx = (here: string) => ({ lang, t: dict(lang), csrf: 'x', here, writable: true, canWrite: lang === 'en' });
          const options = { languages: ['en', 'id'], outlets: ['a & b', 'outlet-1.example'] };
          // a shell is made for one query and reused for the others
          const shell = searchShell({ ctx: ctx('/?q=first'), filters: { ...filters, q: 'first' }, options, hits, page, pageSize: 20 });
          assert.ok(shell, 'a shell for ordinary filters');
          for (const q of queries) {
            const here = `/?q=${encodeURIComponent(q)}&page=${page}`;
            const f = { ...filters, q };
            const whole = String(HomePage({ ctx: ctx(here), filters: f, options, stories: [], hits, page, pageSize: 20 }));
            assert.equal(fillShell(shell, ctx(here), f, hits), whole, `${lang} ${JSON.stringify(f)} page ${page}, ${n} hits`);
            checked++;
          }
        }
      }
    }
  }
  assert.equal(checked, 2 * 3 * 2 * 3 * 11);
  const ctx = { lang: 'en' as const, t: dict('en'), csrf: 'x', here: '/?q=x', writable: true, canWrite: true };
  // a query or path holding a slot's character is written whole; so is a page whose other text looks like a slot
  assert.equal(searchShell({ ctx, filters: { q: 'a\uE010' }, options: { languages: [], outlets: [] }, hits: [], page: 1, pageSize: 20 }), null);
  assert.equal(searchShell({ ctx: { ...ctx, here: '/?q=\uE011' }, filters: { q: 'x' }, options: { languages: [], outlets: [] }, hits: [], page: 1, pageSize: 20 }), null);
  assert.equal(searchShell({ ctx, filters: { q: 'x' }, options: { languages: [], outlets: ['%EE%80%90'] }, hits: [], page: 1, pageSize: 20 }), null);
});

// The search page's hits and filter lists, written as strings for speed (src/server/views/home.tsx), are the
// markup the JSX they replace renders (test/render-reference.tsx), byte for byte, whatever the text holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNIP_CLOSE, SNIP_OPEN, type Hit } from '../src/server/data.ts';
import { dict } from '../src/server/i18n.ts';
import { HomePage, hitHtml } from '../src/server/views/home.tsx';
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

// The brief on hand-made documents: extractive sentences cited to their article, disagreements with each side's
// sources, page text escaped in HTML and Markdown, deterministic output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { briefOf, htmlEscape, mdEscape, renderBrief } from './brief.ts';
import { testDoc } from '../crosscheck/testdoc.ts';

const evil = 'Officials said <script>alert("x")</script> 14 people were killed & <img src=x onerror=alert(1)> [a](javascript:alert(1)).';

function doc() {
  return testDoc(
    [
      { id: 'a', outlet: 'Alpha News', sentences: ['Floods killed 12 people in the valley on Wednesday, the agency said.', 'Two people were still missing and rescuers searched the debris.'] },
      { id: 'b', outlet: 'Beta <b>Daily</b>', url: 'javascript:alert(1)', sentences: [evil, 'Two people were still missing, the regent said on Thursday morning.'] },
      { id: 'c', outlet: 'Gamma Post', sentences: ['The floods killed 12 people and left two missing in the valley.'] },
    ],
    {
      quotes: [{ id: 'q1', speaker: { text: 'Regent <Rahmi>' }, text: 'We need <tents> now', kind: 'direct', article: 'c', start: 0, end: 10 }],
    },
  );
}

test('what happened is extractive: each sentence is its article text at its span, cited to that article', () => {
  const d = doc();
  const b = briefOf(d, 's1');
  assert.ok(b.whatHappened.length >= 2);
  for (const s of b.whatHappened) {
    const a = d.articles.find((x) => x.id === s.cite.article)!;
    assert.equal(a.text.slice(s.cite.start, s.cite.end), s.text);
    assert.deepEqual(a.sentences[s.cite.sentence], { start: s.cite.start, end: s.cite.end });
  }
  assert.equal(b.disagreements.length, 1);
  const d0 = b.disagreements[0]!;
  assert.equal(d0.attribute, 'people.dead');
  assert.deepEqual(d0.values.map((v) => [v.value, v.sources.map((c) => c.outlet)]), [['12', ['Alpha News', 'Gamma Post']], ['14', ['Beta <b>Daily</b>']]]);
  assert.equal(b.sources.length, 3);
});

test('HTML escapes every page text and links only http(s) URLs', () => {
  const html = renderBrief(doc(), 's1', 'html');
  assert.ok(!html.includes('<script>'), 'no script element from page text');
  assert.ok(!html.includes('<img'), 'no image element from page text');
  assert.ok(!html.includes('<b>Daily'), 'outlet names escaped');
  assert.ok(!/href="javascript:/i.test(html), 'no javascript: link');
  assert.ok(html.includes(htmlEscape(evil)) || html.includes(htmlEscape('14 people were killed')));
  assert.ok(html.includes('&lt;tents&gt;'));
  // the only elements are the brief's own
  const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1]!.toLowerCase()));
  for (const t of tags) assert.ok(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'code', 'section', 'ul', 'li', 'a', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'blockquote'].includes(t), `unexpected <${t}>`);
});

test('Markdown escapes page text (no HTML, no links from page text)', () => {
  const md = renderBrief(doc(), 's1', 'md');
  assert.ok(!md.includes('<script>'));
  assert.ok(!md.includes('](javascript:'));
  assert.ok(md.includes('[[Alpha News]](https://alpha-news.example/a)'));
  assert.equal(mdEscape('a|b <c>'), 'a\\|b \\<c\\>');
});

test('deterministic: the same document gives the same bytes in every format', () => {
  for (const f of ['md', 'html', 'json'] as const) assert.equal(renderBrief(doc(), 's1', f), renderBrief(doc(), 's1', f));
  const j = JSON.parse(renderBrief(doc(), 's1', 'json'));
  assert.equal(j.format, 'kabar-brief');
  assert.throws(() => briefOf(doc(), 'nope'), /no story nope/);
});

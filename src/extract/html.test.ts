import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, extractHtml, htmlToParagraphs, splitAuthors } from './html.ts';
import { dateFromUrl, findDates, parseMachineDate } from './dates.ts';
import { ALL_LANGS } from './lexicon.ts';

const BODY = [
  'Pemerintah kota mengumumkan rencana pembangunan jalur sepeda baru sepanjang dua puluh kilometer yang menghubungkan pusat kota dengan kawasan permukiman di pinggiran.',
  'Menurut kepala dinas perhubungan, proyek itu akan dimulai awal tahun depan dan dibiayai sepenuhnya dari anggaran daerah tanpa pinjaman luar negeri.',
  'Warga menyambut baik rencana tersebut, meski sebagian pedagang kaki lima khawatir kehilangan tempat berjualan di sepanjang trotoar utama.',
];

const PAGE = `<!DOCTYPE html><html lang="id-ID"><head>
<title>Kota Bangun Jalur Sepeda Baru | Harian Contoh</title>
<meta property="og:title" content="Kota Bangun Jalur Sepeda Baru - Harian Contoh">
<meta property="og:site_name" content="Harian Contoh">
<meta property="article:published_time" content="2025-10-11T08:15:00+07:00">
<meta property="article:modified_time" content="2025-10-13T10:00:00+07:00">
<meta name="author" content="Siti Rahma">
<link rel="canonical" href="/kota/2025/jalur-sepeda">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kota Bangun Jalur Sepeda Baru","datePublished":"2025-10-11T08:15:00+07:00","dateModified":"2025-10-13T10:00:00+07:00","author":[{"@type":"Person","name":"Siti Rahma"},{"@type":"Person","name":"Budi Santoso"}]}</script>
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/kota">Kota</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
<article>
<h1>Kota Bangun Jalur Sepeda Baru</h1>
<div class="byline">Oleh Siti Rahma</div>
<figure><img src="a.jpg"><figcaption>Pesepeda melintas di jalan protokol. Foto: ANTARA/Andi</figcaption></figure>
<p>${BODY[0]}</p>
<p>${BODY[1]}</p>
<p>${BODY[2]}</p>
</article>
<footer><p>Hak cipta 2025 Harian Contoh. Seluruh hak dilindungi.</p></footer>
</body></html>`;

test('metadata: title without site name, canonical URL, outlet, original date, authors, language', () => {
  const r = extractHtml(PAGE, { url: 'https://harian.example/kota/2025/jalur-sepeda?utm=x' });
  assert.equal(r.title, 'Kota Bangun Jalur Sepeda Baru');
  assert.equal(r.url, 'https://harian.example/kota/2025/jalur-sepeda');
  assert.equal(r.outlet, 'Harian Contoh');
  assert.equal(r.published, '2025-10-11');
  assert.deepEqual(r.authors, ['Siti Rahma', 'Budi Santoso']);
  assert.equal(r.declaredLanguage, 'id');
});

test('main text: paragraphs joined by a blank line, captions out of the body, navigation gone', () => {
  const r = extractHtml(PAGE);
  assert.deepEqual(r.text.split('\n\n'), BODY);
  assert.deepEqual(r.captions, [{ text: 'Pesepeda melintas di jalan protokol.', credit: 'ANTARA/Andi' }]);
  assert.ok(!r.text.includes('Beranda') && !r.text.includes('Hak cipta'));
});

test('dates without JSON-LD: <time> and meta beat nothing; modified dates are ignored', () => {
  const html = `<html><head><meta property="article:modified_time" content="2024-05-09"></head><body>
  <article><h1>Judul</h1><time class="updated" datetime="2024-05-09">9 Mei</time>
  <time datetime="2024-05-02T10:00:00Z" pubdate>2 Mei 2024</time><p>${BODY.join('</p><p>')}</p></article></body></html>`;
  assert.equal(extractHtml(html).published, '2024-05-02');
  const visible = `<html><body><article><div class="post-date">Sabtu, 11 Oktober 2025 | 10:00 WIB</div><p>${BODY.join('</p><p>')}</p></article></body></html>`;
  assert.equal(extractHtml(visible).published, '2025-10-11');
  const none = `<html><body><article><p>${BODY.join('</p><p>')}</p></article></body></html>`;
  assert.equal(extractHtml(none).published, null);
});

test('fallback when Readability finds too little: every <p>', () => {
  const html = `<html><body><p>${BODY[0]}</p></body></html>`;
  assert.equal(extractHtml(html).text, BODY[0]);
});

test('helpers: cleanTitle, splitAuthors, htmlToParagraphs', () => {
  assert.equal(cleanTitle('Storm hits coast | The Daily Example', 'The Daily Example'), 'Storm hits coast');
  assert.equal(cleanTitle('News Site - A long headline about the storm that hit the coast', null), 'A long headline about the storm that hit the coast');
  assert.equal(cleanTitle('Perang dagang: apa dampaknya?', null), 'Perang dagang: apa dampaknya?');
  assert.deepEqual(splitAuthors('By Jane Doe and John Roe'), ['Jane Doe', 'John Roe']);
  assert.deepEqual(splitAuthors('Oleh Siti Rahma, Budi Santoso'), ['Siti Rahma', 'Budi Santoso']);
  assert.deepEqual(htmlToParagraphs('<div><p>A <b>b</b></p>c<br>d<script>x</script></div>'), ['A b', 'c', 'd']);
});

test('dates: URL patterns, numeric order, month names in id/en/vi, machine formats', () => {
  assert.equal(dateFromUrl('https://x.vn/a-20251011185712456.htm'), '2025-10-11');
  assert.equal(dateFromUrl('https://vtv.vn/a-10025101120212225.htm'), null);
  assert.equal(dateFromUrl('https://x.com/2024/02/29/story/'), '2024-02-29');
  assert.equal(dateFromUrl('https://x.com/2023/02/29/story/'), null);
  assert.equal(dateFromUrl('https://x.com/2024/05/'), null);
  assert.equal(dateFromUrl('https://web.archive.org/web/20160218174457/http://blog.example/2010/05/post/'), null);
  assert.equal(dateFromUrl('https://web.archive.org/web/20160218174457/http://blog.example/2010/05/19/post/'), '2010-05-19');
  const d = (s: string, o: 'dmy' | 'mdy' = 'dmy') => findDates(s, ALL_LANGS, o).map((f) => f.date);
  assert.deepEqual(d('Sabtu, 11 Oktober 2025 10:30 WIB'), ['2025-10-11']);
  assert.deepEqual(d('Published Oct. 3, 2024 and updated 4 November 2024'), ['2024-10-03', '2024-11-04']);
  assert.deepEqual(d('Thứ bảy, ngày 11 tháng 10 năm 2025'), ['2025-10-11']);
  assert.deepEqual(d('03/04/2025'), ['2025-04-03']);
  assert.deepEqual(d('03/04/2025', 'mdy'), ['2025-03-04']);
  assert.deepEqual(d('25/12/2024'), ['2024-12-25']);
  assert.deepEqual(d('tahun 1945 dan 17 Agustus 1945'), []);
  assert.equal(parseMachineDate('2025-10-11T23:30:00-05:00'), '2025-10-11');
  assert.equal(parseMachineDate('Sat, 11 Oct 2025 08:00:00 GMT'), '2025-10-11');
  assert.equal(parseMachineDate('20251011'), '2025-10-11');
  assert.equal(parseMachineDate('not a date'), null);
});

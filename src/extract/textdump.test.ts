import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTextDump, splitCaption } from './textdump.ts';

const ID_DUMP = `Beritaku.co.id - Portal Berita Terpercaya

Banjir Rendam Ratusan Rumah di Kabupaten Contoh

Oleh Siti Rahmawati

Sabtu, 11 Oktober 2025 10:30 WIB

CONTOH, Beritaku.co.id - Banjir merendam ratusan rumah warga di tiga kecamatan setelah hujan deras mengguyur sejak Jumat malam.

Kepala BPBD setempat mengatakan ketinggian air mencapai satu meter di beberapa titik. Oleh karena itu, warga diminta tetap waspada.

banjir_contoh_2025.jpg
Warga mengungsi menggunakan perahu karet. Foto: ANTARA/Budi Santoso

Baca juga: Harga Cabai Naik Menjelang Akhir Tahun

Evakuasi Warga

Petugas gabungan mengevakuasi 120 warga ke posko pengungsian di balai desa.

Bantuan logistik mulai disalurkan pada Sabtu pagi.

Sumber: https://www.beritaku.co.id/daerah/banjir-rendam-ratusan-rumah-123456

Komentar (3)

Berita Terkait

Gubernur Resmikan Jembatan Baru di Pesisir
Pemkot Gelar Pasar Murah Jelang Natal
Timnas Menang Tipis di Laga Persahabatan
Cuaca Ekstrem Diprediksi Hingga Akhir Bulan

Apakah Anda menemukan kesalahan atau ketidakakuratan?

Kami akan mempertimbangkan komentar Anda sesegera mungkin.
`;

test('Indonesian dump: metadata lines read, furniture dropped, body kept', () => {
  const r = extractTextDump(ID_DUMP);
  assert.equal(r.title, 'Banjir Rendam Ratusan Rumah di Kabupaten Contoh');
  assert.deepEqual(r.authors, ['Siti Rahmawati']);
  assert.equal(r.published, '2025-10-11');
  assert.equal(r.url, 'https://www.beritaku.co.id/daerah/banjir-rendam-ratusan-rumah-123456');
  assert.equal(r.outlet, 'beritaku.co.id');
  assert.deepEqual(r.captions, [{ text: 'Warga mengungsi menggunakan perahu karet.', credit: 'ANTARA/Budi Santoso' }]);
  assert.deepEqual(r.text.split('\n\n'), [
    'Banjir merendam ratusan rumah warga di tiga kecamatan setelah hujan deras mengguyur sejak Jumat malam.',
    'Kepala BPBD setempat mengatakan ketinggian air mencapai satu meter di beberapa titik. Oleh karena itu, warga diminta tetap waspada.',
    'Evakuasi Warga',
    'Petugas gabungan mengevakuasi 120 warga ke posko pengungsian di balai desa.',
    'Bantuan logistik mulai disalurkan pada Sabtu pagi.',
  ]);
});

const EN_DUMP = `Home
World
Asia

Storm Forces Thousands to Evacuate Coastal Towns

By Jane Doe and John Roe

Updated October 12, 2025
Published October 11, 2025

MANILA (Reuters) - Thousands of residents fled coastal towns on Saturday as a strong storm approached the islands.

By contrast, inland provinces reported only light rain, officials said.

Rescue crews wait for the storm near the harbour. (Photo: Reuters/Ana Cruz)

Officials said schools would stay closed until Monday:
Northern districts
Eastern districts
Island municipalities

"We are ready," the disaster agency chief told reporters.

Share this article

Related

Floods hit northern farms
Markets slide on weather fears
Airline cancels regional flights

Did you find an error in this article?
`;

test('English dump: bylines, updated vs published, lists after a colon, related lists', () => {
  const r = extractTextDump(EN_DUMP, { url: 'https://news.example.com/world/2025/10/11/storm-evacuations' });
  assert.equal(r.title, 'Storm Forces Thousands to Evacuate Coastal Towns');
  assert.deepEqual(r.authors, ['Jane Doe', 'John Roe']);
  assert.equal(r.published, '2025-10-11');
  assert.equal(r.url, 'https://news.example.com/world/2025/10/11/storm-evacuations');
  assert.equal(r.outlet, 'news.example.com');
  assert.deepEqual(r.captions, [{ text: 'Rescue crews wait for the storm near the harbour.', credit: 'Reuters/Ana Cruz' }]);
  assert.deepEqual(r.text.split('\n\n'), [
    'Thousands of residents fled coastal towns on Saturday as a strong storm approached the islands.',
    'By contrast, inland provinces reported only light rain, officials said.',
    'Officials said schools would stay closed until Monday:',
    'Northern districts',
    'Eastern districts',
    'Island municipalities',
    '"We are ready," the disaster agency chief told reporters.',
  ]);
});

const VI_DUMP = `Thứ bảy, 11/10/2025 18:57 (GMT+7)

Hà Nội mở rộng tuyến xe buýt điện

Thành phố sẽ đưa thêm 50 xe buýt điện vào hoạt động từ tháng tới, theo Sở Xây dựng.

Ông có thể cho biết lợi ích của dự án?
Dự án giúp giảm khí thải và tiếng ồn trong nội đô.
Khi nào người dân được sử dụng?
Các tuyến mới vận hành từ ngày 1/11.

Xe buýt điện tại bến trung tâm - Ảnh: TTXVN

Theo Nguyễn Văn An

Nguồn: https://baomau.vn/ha-noi-mo-rong-tuyen-xe-buyt-dien-20251011185712456.htm

Tin liên quan

Giá xăng giảm nhẹ từ chiều nay
Thời tiết Hà Nội cuối tuần nắng ráo
`;

test('Vietnamese dump: interview questions stay in the body, source line read', () => {
  const r = extractTextDump(VI_DUMP);
  assert.equal(r.title, 'Hà Nội mở rộng tuyến xe buýt điện');
  assert.equal(r.published, '2025-10-11');
  assert.equal(r.outlet, 'baomau.vn');
  assert.deepEqual(r.authors, ['Nguyễn Văn An']);
  assert.deepEqual(r.captions, [{ text: 'Xe buýt điện tại bến trung tâm', credit: 'TTXVN' }]);
  assert.deepEqual(r.text.split('\n\n'), [
    'Thành phố sẽ đưa thêm 50 xe buýt điện vào hoạt động từ tháng tới, theo Sở Xây dựng.',
    'Ông có thể cho biết lợi ích của dự án?',
    'Dự án giúp giảm khí thải và tiếng ồn trong nội đô.',
    'Khi nào người dân được sử dụng?',
    'Các tuyến mới vận hành từ ngày 1/11.',
  ]);
});

test('cited-source lists, editor lines, URL timestamps and hard-wrapped paragraphs', () => {
  const dump = [
    'Diedit oleh: Rina Marlina',
    '',
    'Pemerintah menetapkan kebijakan baru soal impor beras yang mulai berlaku',
    'bulan depan, menurut keterangan resmi kementerian.',
    '',
    'Kebijakan itu disambut beragam oleh pelaku usaha dan petani di daerah.',
    '',
    'Sumber-sumber',
    '',
    '  • Reuters',
    '  • Kantor Berita Contoh',
    '',
    'Sumber: Harian Contoh',
  ].join('\n');
  const r = extractTextDump(dump, { url: 'https://x.example/berita/kebijakan-20250102083000123.htm' });
  assert.deepEqual(r.authors, ['Rina Marlina']);
  assert.deepEqual(r.citedSources, ['Reuters', 'Kantor Berita Contoh']);
  assert.equal(r.outlet, 'Harian Contoh');
  assert.equal(r.published, '2025-01-02');
  assert.equal(r.title, null);
  assert.deepEqual(r.text.split('\n\n'), [
    'Pemerintah menetapkan kebijakan baru soal impor beras yang mulai berlaku bulan depan, menurut keterangan resmi kementerian.',
    'Kebijakan itu disambut beragam oleh pelaku usaha dan petani di daerah.',
  ]);
});

test('a body without any furniture comes back whole', () => {
  const body = 'Paragraf pertama yang cukup panjang untuk dianggap isi berita.\n\nParagraf kedua juga isi berita.';
  const r = extractTextDump(body);
  assert.equal(r.text, body);
  assert.equal(r.url, null);
  assert.equal(r.published, null);
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samples = path.resolve(repoRoot, '../shared/samples');

test('shared samples: structural properties', { skip: existsSync(samples) ? false : `no samples at ${samples}` }, () => {
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    const raw = readFileSync(path.join(samples, f), 'utf8');
    const r = extractTextDump(raw);
    const lines = r.text.split('\n\n');
    assert.ok(r.url && /^https?:\/\//.test(r.url) ? true : /Sumber:\s*http/.test(raw) === false, `${f}: url`);
    assert.ok(lines.length >= 4, `${f}: body kept`);
    for (const l of lines) {
      assert.ok(!/\.(jpe?g|png|webp)$/i.test(l), `${f}: image name left: ${l}`);
      assert.ok(!/^Komentar \(/.test(l) && !/^No data$/.test(l), `${f}: counter left: ${l}`);
      assert.ok(!/^Sumber:/.test(l), `${f}: source line left`);
      assert.ok(!/^Apakah Anda menemukan/.test(l), `${f}: footer prompt left`);
      assert.ok(!/^[\w.-]+\.(vn|com|id)$/i.test(l) && !/^[\w-]+\.vn - /i.test(l), `${f}: banner left: ${l}`);
      assert.ok(!/Foto: \S+$/.test(l), `${f}: caption left in body: ${l}`);
    }
    // Every source line with a URL gives url and outlet; every long sentence-ended line is body or caption.
    if (/^Sumber: https?:/m.test(raw)) assert.ok(r.url && r.outlet, `${f}: url/outlet`);
    for (const line of raw.split('\n').map((l) => l.trim())) {
      if (line.length > 200 && /[.!?]$/.test(line) && !/Foto:/.test(line)) {
        assert.ok(r.text.includes(line.replace(/^\S+\.vn - /, '')), `${f}: lost body line: ${line.slice(0, 60)}`);
      }
    }
  }
});

test('captions: a credit after its word with a colon, a slash, "by" or "oleh"; none without one of those marks', () => {
  assert.deepEqual(splitCaption('Crews clear debris in the port. (Photo by Jane Doe)'), { text: 'Crews clear debris in the port.', credit: 'Jane Doe' });
  assert.deepEqual(splitCaption('Petugas membersihkan puing di pelabuhan. Foto oleh Budi Santoso'), { text: 'Petugas membersihkan puing di pelabuhan.', credit: 'Budi Santoso' });
  assert.deepEqual(splitCaption('Petugas membersihkan puing. ANTARA FOTO/Budi Santoso'), { text: 'Petugas membersihkan puing.', credit: 'ANTARA/Budi Santoso' });
  assert.deepEqual(splitCaption('Xe buýt điện tại bến trung tâm. Ảnh：TTXVN'), { text: 'Xe buýt điện tại bến trung tâm.', credit: 'TTXVN' });
  assert.equal(splitCaption('The photo shows crews clearing debris in the port on Monday'), null);
  assert.equal(splitCaption('Foto Budi Santoso di pelabuhan'), null);
});

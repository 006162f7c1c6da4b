import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagTimes, type Timex } from './tag.ts';

const A = '2025-10-11'; // a Saturday

function tags(text: string, lang: string, anchor: string | null = A): Timex[] {
  return tagTimes(text, { lang, anchor });
}
/** The expression whose text is exactly `span`; fails when absent. */
function find(text: string, lang: string, span: string, anchor: string | null = A): Timex {
  const all = tags(text, lang, anchor);
  const t = all.find((x) => x.text === span);
  assert.ok(t, `"${span}" not found in ${JSON.stringify(all.map((x) => x.text))}`);
  assert.equal(text.slice(t.start, t.end), span);
  return t;
}
function value(text: string, lang: string, span: string, anchor: string | null = A): string {
  return find(text, lang, span, anchor).value;
}

test('done-when constructions (own sentences)', () => {
  const t = find('Pagi-pagi sekali (11 Oktober), presiden mendarat di Jakarta.', 'id', 'Pagi-pagi sekali (11 Oktober)');
  assert.equal(t.value, '2025-10-11TMO');
  assert.equal(t.type, 'TIME');
  const r = find('Pameran digelar 9-11 Oktober 2025 di Bandung.', 'id', '9-11 Oktober 2025');
  assert.deepEqual(r.interval, { start: '2025-10-09', end: '2025-10-11' });
  assert.equal(value('Sekolah itu berdiri pada tahun 1950 di Medan.', 'id', 'tahun 1950'), '1950');
  const d = find('Ia menjabat 18 tahun.', 'id', '18 tahun');
  assert.equal(d.value, 'P18Y');
  assert.equal(d.type, 'DURATION');
  assert.equal(value('Gedung itu dibuka Agustus 2025.', 'id', 'Agustus 2025'), '2025-08');
  const an = find('Kota itu merayakan ulang tahun ke-80 pendirian pelabuhan.', 'id', 'ulang tahun ke-80');
  assert.equal(an.anniversary?.ordinal, 80);
});

test('Indonesian dates: numeric, weekday with parenthesised date, day-month-year, month-year', () => {
  assert.equal(value('Rapat pada 11/10/2025 ditunda.', 'id', '11/10/2025'), '2025-10-11');
  const w = find('Menteri berbicara, Senin (29/12/2014), di Jakarta.', 'id', 'Senin (29/12/2014)');
  assert.equal(w.value, '2014-12-29');
  assert.equal(value('Kontrak diteken Senin, 29 Desember 2014.', 'id', 'Senin, 29 Desember 2014'), '2014-12-29');
  assert.equal(value('Ditemukan tanggal 3 Mei 2006 lalu.', 'id', 'tanggal 3 Mei 2006 lalu'), '2006-05-03');
  assert.equal(value('Hingga November 2014, jumlahnya naik.', 'id', 'November 2014'), '2014-11');
  assert.equal(value('Harga naik sejak bulan Maret lalu.', 'id', 'bulan Maret lalu'), '2025-03');
  assert.equal(value('Ia tiba Kamis (9/10) malam.', 'id', 'Kamis (9/10) malam'), '2025-10-09TNI');
});

test('Indonesian relative, deictic and anaphoric expressions', () => {
  assert.equal(value('Kemarin hujan turun.', 'id', 'Kemarin'), '2025-10-10');
  assert.equal(value('Ia datang dua hari lalu.', 'id', 'dua hari lalu'), '2025-10-09');
  assert.equal(value('Sidang dilanjutkan minggu depan.', 'id', 'minggu depan'), '2025-W42');
  assert.equal(value('Malam ini konser dimulai.', 'id', 'Malam ini'), '2025-10-11TNI');
  assert.equal(value('Mereka bertemu Selasa lalu.', 'id', 'Selasa lalu'), '2025-10-07');
  assert.equal(value('Harga naik tahun ini.', 'id', 'tahun ini'), '2025');
  assert.equal(value('Pabrik ditutup 75 tahun yang lalu.', 'id', '75 tahun yang lalu'), '1950');
  // anchored on the previous date in the text
  const text = 'Gempa terjadi pada 3 Maret 2014. Sebulan kemudian gempa susulan datang. Sehari kemudian warga mengungsi.';
  assert.equal(value(text, 'id', 'Sebulan kemudian'), '2014-04-03');
  assert.equal(value(text, 'id', 'Sehari kemudian'), '2014-04-04');
  const t2 = 'Kapal tenggelam Minggu (28/12/2014). Pada hari itu ombak tinggi. Pukul 13.25 kemudian tim tiba.';
  assert.equal(value(t2, 'id', 'hari itu'), '2014-12-28');
  assert.equal(value(t2, 'id', 'Pukul 13.25 kemudian'), '2014-12-28T13:25');
  assert.equal(value('Hampir tiga minggu kemudian, setelah 1 Mei 2014, kapal kembali.', 'id', 'Hampir tiga minggu kemudian', null), 'FUTURE_REF');
});

test('Indonesian times, parts of the day, durations, decades, sets, references', () => {
  const t = find('Pesawat lepas landas Minggu (28/12/2014) pukul 05.36 WIB dari Surabaya.', 'id', 'Minggu (28/12/2014) pukul 05.36 WIB');
  assert.equal(t.value, '2014-12-28T05:36');
  assert.equal(t.type, 'TIME');
  assert.equal(value('Kapal tiba pukul 7 malam.', 'id', 'pukul 7 malam'), '2025-10-11T19:00');
  const d = find('Antrean berlangsung lebih dari dua hari.', 'id', 'lebih dari dua hari');
  assert.equal(d.value, 'P2D');
  assert.equal(d.mod, 'MORE_THAN');
  assert.equal(find('Konflik itu berlangsung hampir dua dekade.', 'id', 'hampir dua dekade').value, 'P2DE');
  assert.equal(value('Musik populer pada 1990-an.', 'id', '1990-an'), '199X');
  assert.equal(value('Kejadian sekitar tahun 40-an.', 'id', 'sekitar tahun 40-an'), '194X');
  assert.equal(value('Pajak naik setiap tahun.', 'id', 'setiap tahun'), 'P1Y');
  assert.equal(find('Pasar buka setiap Senin.', 'id', 'setiap Senin').type, 'SET');
  assert.equal(value('Harga saat ini stabil.', 'id', 'saat ini'), 'PRESENT_REF');
  assert.equal(value('Ia dulu tinggal di sana.', 'id', 'dulu'), 'PAST_REF');
  assert.equal(tags('"Saya belum mau komentar dulu," katanya.', 'id').length, 0);
  assert.equal(value('Sudah bertahun-tahun jalan rusak.', 'id', 'bertahun-tahun'), 'PXY');
  assert.equal(value('Butuh beberapa bulan untuk pulih.', 'id', 'beberapa bulan'), 'PXM');
  assert.equal(value('Butuh dua puluh lima menit.', 'id', 'dua puluh lima menit'), 'PT25M');
  assert.equal(value('Ia dihukum dua tahun delapan bulan penjara.', 'id', 'dua tahun delapan bulan'), 'P2Y8M');
  assert.equal(value('Rapat berlangsung 2 jam 30 menit.', 'id', '2 jam 30 menit'), 'PT2H30M');
  assert.equal(tags('Ia berusia 20-an tahun.', 'id').filter((t) => /X$/.test(t.value)).length, 0);
  // a duration range is two durations, as TimeML annotates it
  const r = tags('Hanya butuh 2-3 menit.', 'id');
  assert.deepEqual(r.map((x) => [x.text, x.value]), [['2', 'PT2M'], ['3 menit', 'PT3M']]);
});

test('impossible dates are not invented; coordinates and counts are not times', () => {
  assert.equal(tags('Acara 31 Februari 2025 batal.', 'id').length, 0);
  assert.equal(tags('Rapat 30/02/2024 ditunda.', 'id').length, 0);
  assert.equal(tags('The meeting on February 31, 2025 was cancelled.', 'en').length, 0);
  assert.equal(tags('Cuộc họp ngày 31/2/2025 bị hoãn.', 'vi').length, 0);
  assert.equal(tags('Posisi 08 derajat 50 menit 43 detik lintang selatan.', 'id').length, 0);
  assert.equal(tags('Harganya Rp 2014 per lembar, nomor 1999.', 'id').length, 0);
  assert.equal(tags('Ia terlebih dulu menelepon.', 'id').length, 0);
});

test('year-less dates take the anchor year, looking back', () => {
  assert.equal(value('Ia lahir 15 Desember.', 'id', '15 Desember', '2025-08-11'), '2024-12-15');
  assert.equal(value('Panen dimulai 5 Desember.', 'id', '5 Desember'), '2025-12-05');
  assert.equal(value('Pemilu digelar 1 November.', 'id', '1 November'), '2025-11-01');
  assert.equal(value('Rapat 11 Oktober.', 'id', '11 Oktober', null), 'XXXX-10-11');
  assert.equal(value('Ditunda ke Januari depan.', 'id', 'Januari depan'), '2026-01');
});

test('two-digit years and day/month order carry a confidence', () => {
  const id = find('Surat bertanggal 05/04/25 diterima.', 'id', '05/04/25');
  assert.equal(id.value, '2025-04-05');
  assert.ok(id.confidence < 0.9);
  const en = find('The letter dated 05/04/2025 arrived.', 'en', '05/04/2025');
  assert.equal(en.value, '2025-05-04');
  assert.ok(en.confidence <= 0.6);
  assert.equal(value('The letter dated 25/04/2025 arrived.', 'en', '25/04/2025'), '2025-04-25');
});

test('English formats and kinds', () => {
  assert.equal(value('It happened yesterday.', 'en', 'yesterday'), '2025-10-10');
  assert.equal(value('They met last Tuesday.', 'en', 'last Tuesday'), '2025-10-07');
  const r = find('The fair runs October 9–11, 2025 in Hanoi.', 'en', 'October 9–11, 2025');
  assert.deepEqual(r.interval, { start: '2025-10-09', end: '2025-10-11' });
  assert.equal(value('He was elected on October 9.', 'en', 'October 9'), '2025-10-09');
  assert.equal(value('Signed on 9 October 2025.', 'en', '9 October 2025'), '2025-10-09');
  assert.equal(value('Rain fell this morning.', 'en', 'this morning'), '2025-10-11TMO');
  assert.equal(value('The war began on 3 March 2014. A month later the talks failed.', 'en', 'A month later'), '2014-04-03');
  assert.equal(value('Music of the 1990s.', 'en', 'the 1990s'), '199X');
  assert.equal(value('He left at 7:30 p.m.', 'en', 'at 7:30 p.m.'), '2025-10-11T19:30');
  assert.equal(value('He left two days ago.', 'en', 'two days ago'), '2025-10-09');
  assert.equal(value('Talks resume next week.', 'en', 'next week'), '2025-W42');
  assert.equal(value('Markets open every Monday.', 'en', 'every Monday'), 'XXXX-WXX-1');
  assert.equal(find('The dispute lasted nearly two decades.', 'en', 'nearly two decades').value, 'P2DE');
  assert.equal(value('It was built in 2019.', 'en', '2019'), '2019');
  assert.equal(value('Prices rose in March 2024.', 'en', 'March 2024'), '2024-03');
  assert.equal(value('Crowds gathered for the 80th anniversary of the party.', 'en', 'the 80th anniversary'), '2025');
  assert.equal(value('He served 18 years.', 'en', '18 years'), 'P18Y');
  // "in <n> <unit>" ahead of now, unless a superlative or "first" before it makes it the span up to now
  assert.equal(value('The bridge will open in 3 years.', 'en', 'in 3 years'), '2028');
  const span = find('It was the first visit by a trade minister in 18 years.', 'en', 'in 18 years');
  assert.deepEqual([span.type, span.value], ['DURATION', 'P18Y']);
  assert.equal(find('Inflation hit its highest level in two decades.', 'en', 'in two decades').type, 'DURATION');
  assert.equal(value('It was the first visit. Talks resume in 2 weeks.', 'en', 'in 2 weeks'), '2025-10-25');
  assert.equal(value('Officials are currently reviewing it.', 'en', 'currently'), 'PRESENT_REF');
  assert.equal(tags('You may go now that it is done.', 'en').filter((t) => t.value.startsWith('20')).length, 0);
});

test('Vietnamese formats and kinds', () => {
  assert.equal(value('Sáng nay, đoàn đã tới Hà Nội.', 'vi', 'Sáng nay'), '2025-10-11TMO');
  assert.equal(value('Hôm qua trời mưa.', 'vi', 'Hôm qua'), '2025-10-10');
  assert.equal(value('Hội nghị diễn ra ngày 9/10.', 'vi', 'ngày 9/10'), '2025-10-09');
  assert.equal(value('Dự án hoàn thành tháng 10 năm 2025.', 'vi', 'tháng 10 năm 2025'), '2025-10');
  assert.equal(value('Lễ ký diễn ra ngày 9 tháng 10 năm 2025.', 'vi', 'ngày 9 tháng 10 năm 2025'), '2025-10-09');
  const r = find('Hội chợ diễn ra từ ngày 9 đến 11/10 tại Huế.', 'vi', 'ngày 9 đến 11/10');
  assert.deepEqual(r.interval, { start: '2025-10-09', end: '2025-10-11' });
  assert.equal(value('Tàu rời cảng lúc 7h30 ngày 9/10.', 'vi', 'lúc 7h30 ngày 9/10'), '2025-10-09T07:30');
  assert.equal(value('Họ gặp nhau vào thứ Hai tuần trước.', 'vi', 'thứ Hai tuần trước'), '2025-09-29');
  assert.equal(value('Tai nạn xảy ra ngày 1/5/2014. Hai ngày sau, đường được thông.', 'vi', 'Hai ngày sau'), '2014-05-03');
  assert.equal(value('Lễ hội được tổ chức hàng năm.', 'vi', 'hàng năm'), 'P1Y');
  assert.equal(value('Âm nhạc thập niên 1990.', 'vi', 'thập niên 1990'), '199X');
  assert.equal(value('Ông giữ chức 18 năm.', 'vi', '18 năm'), 'P18Y');
  assert.equal(value('Giá tăng từ năm ngoái.', 'vi', 'năm ngoái'), '2024');
  assert.equal(value('Chiều 10/10, hai bên hội đàm.', 'vi', 'Chiều 10/10'), '2025-10-10TAF');
  assert.equal(value('Hiện nay giá ổn định.', 'vi', 'Hiện nay'), 'PRESENT_REF');
  assert.equal(find('Kỷ niệm 75 năm quan hệ ngoại giao.', 'vi', 'Kỷ niệm 75 năm').anniversary?.ordinal, 75);
  assert.equal(value('Ông qua đời năm 1950.', 'vi', 'năm 1950'), '1950');
});

test('Malay where it differs from Indonesian', () => {
  assert.equal(value('Semalam hujan lebat.', 'ms', 'Semalam'), '2025-10-10');
  assert.equal(value('Pada 9 Ogos 2025 mereka tiba.', 'ms', '9 Ogos 2025'), '2025-08-09');
  assert.equal(value('Mereka bertemu Isnin lepas.', 'ms', 'Isnin lepas'), '2025-10-06');
  assert.equal(value('Ia dibuka Mac lalu.', 'ms', 'Mac lalu'), '2025-03');
});

test('anniversaries link to the founding year the text states', () => {
  const text = 'Kedua negara merayakan ulang tahun ke-75 hubungan diplomatik. Hubungan itu dibuka 75 tahun yang lalu, tepatnya tahun 1950.';
  const a = find(text, 'id', 'ulang tahun ke-75');
  assert.equal(a.anniversary?.ordinal, 75);
  assert.equal(a.anniversary?.since, '1950');
  assert.match(a.anniversary?.of ?? '', /^hubungan diplomatik/);
  const b = find('Partai merayakan ulang tahun ke-80.', 'id', 'ulang tahun ke-80');
  assert.equal(b.anniversary?.since, undefined);
});

test('offsets are UTF-16 code units into the text as given, CRLF included', () => {
  const text = 'Judul 🇮🇩\r\n\r\nKemarin, tanggal 10 Oktober 2025, ada rapat.';
  for (const t of tags(text, 'id')) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(find(text, 'id', 'tanggal 10 Oktober 2025').start, text.indexOf('tanggal'));
});

test('without a publication date, a year-less date takes the year of the last full date, not of a recalled year', () => {
  const text = 'Menteri tiba di Manila pada 3 Maret 2024. Kunjungan serupa terakhir terjadi pada tahun 2009. Pada 4 Maret kedua menteri bertemu.';
  assert.equal(value(text, 'id', '4 Maret', null), '2024-03-04');
  const en = 'The minister arrived on March 3, 2024. The last such visit was in 2009. On March 4 the two ministers met.';
  assert.equal(value(en, 'en', 'March 4', null), '2024-03-04');
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SENTENCE, splitSentences } from './sentences.ts';

const split = (text: string, lang: string): string[] => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe('splitSentences: abbreviations per language', () => {
  it('keeps Indonesian titles, street abbreviations and numbers inside the sentence', () => {
    assert.deepEqual(
      split('Tn. Hartono tiba pukul 06.18 WIB di Jl. Sudirman No. 5 bersama Ny. Rina. Mereka disambut Prof. Budi dan H. Ahmad.', 'id'),
      ['Tn. Hartono tiba pukul 06.18 WIB di Jl. Sudirman No. 5 bersama Ny. Rina.', 'Mereka disambut Prof. Budi dan H. Ahmad.'],
    );
  });

  it('keeps Indonesian ranks and money amounts', () => {
    assert.deepEqual(
      split('Brigjen. Andi dan Kol. Inf. Joko hadir. Harga naik menjadi Rp. 1.500 per kilogram.', 'id'),
      ['Brigjen. Andi dan Kol. Inf. Joko hadir.', 'Harga naik menjadi Rp. 1.500 per kilogram.'],
    );
  });

  it('splits after a terminal abbreviation when a capitalised word follows, not before a lower-case one', () => {
    assert.deepEqual(split('Mereka membawa beras, gula, dll. Selain itu ada minyak.', 'id'), [
      'Mereka membawa beras, gula, dll.',
      'Selain itu ada minyak.',
    ]);
    assert.deepEqual(split('Beras, gula, dll. sudah dibagikan.', 'id'), ['Beras, gula, dll. sudah dibagikan.']);
  });

  it('keeps English titles, initials and dotted acronyms', () => {
    assert.deepEqual(
      split('Mr. Smith met Dr. Vu and Sen. Warren. J. K. Rowling was not there. U.S. officials declined to comment.', 'en'),
      ['Mr. Smith met Dr. Vu and Sen. Warren.', 'J. K. Rowling was not there.', 'U.S. officials declined to comment.'],
    );
  });

  it('splits after a dotted acronym when a function word starts the next sentence', () => {
    assert.deepEqual(split('The company moved to the U.S. The move cost millions.', 'en'), [
      'The company moved to the U.S.',
      'The move cost millions.',
    ]);
  });

  it('treats company suffixes as terminal in English', () => {
    assert.deepEqual(split('Shares fell at Acme Inc. The rest of the market rose.', 'en'), [
      'Shares fell at Acme Inc.',
      'The rest of the market rose.',
    ]);
    assert.deepEqual(split('He joined Acme Inc. in 2019 as chief engineer.', 'en'), ['He joined Acme Inc. in 2019 as chief engineer.']);
  });

  it('is case-sensitive where a lower-case word is an ordinary word', () => {
    // "No. 5" is an abbreviation; "said no." ends a sentence
    assert.deepEqual(split('He lives at No. 5 Baker Street. She said no. Then she left.', 'en'), [
      'He lives at No. 5 Baker Street.',
      'She said no.',
      'Then she left.',
    ]);
  });

  it('keeps Vietnamese degree titles and city abbreviations', () => {
    assert.deepEqual(
      split('TS. Nguyễn Văn An cho biết dự án đã hoàn thành. PGS.TS. Trần Bình làm việc tại Tp. Hồ Chí Minh. ThS. Lê Chi đồng ý.', 'vi'),
      ['TS. Nguyễn Văn An cho biết dự án đã hoàn thành.', 'PGS.TS. Trần Bình làm việc tại Tp. Hồ Chí Minh.', 'ThS. Lê Chi đồng ý.'],
    );
  });

  it('keeps Malay honorifics and company suffixes', () => {
    assert.deepEqual(
      split('En. Ahmad dan Dr. Siti hadir di Jln. Ampang. Syarikat itu didaftarkan sebagai Mega Sdn. Bhd. Beliau berkata demikian.', 'ms'),
      ['En. Ahmad dan Dr. Siti hadir di Jln. Ampang.', 'Syarikat itu didaftarkan sebagai Mega Sdn. Bhd.', 'Beliau berkata demikian.'],
    );
  });
});

describe('splitSentences: numbers, ellipses, quotes', () => {
  it('does not split inside decimals, times and thousands separators', () => {
    assert.deepEqual(split('Inflasi naik 3.5 persen pada pukul 06.18 WIB. Sebanyak 1.500 orang hadir.', 'id'), [
      'Inflasi naik 3.5 persen pada pukul 06.18 WIB.',
      'Sebanyak 1.500 orang hadir.',
    ]);
  });

  it('keeps an ellipsis followed by a lower-case word inside the sentence', () => {
    assert.deepEqual(split('Dia ragu... lalu pergi. Kami menunggu… dan menunggu. Then... Nothing.', 'id'), [
      'Dia ragu... lalu pergi.',
      'Kami menunggu… dan menunggu.',
      'Then...',
      'Nothing.',
    ]);
  });

  it('splits after closing quotes that end a sentence, and not inside quoted questions', () => {
    assert.deepEqual(split('Dia berkata, “Saya pergi.” Kemudian dia pergi. "Kenapa?" tanyanya. He said "Go home." They left.', 'id'), [
      'Dia berkata, “Saya pergi.”',
      'Kemudian dia pergi.',
      '"Kenapa?" tanyanya.',
      'He said "Go home."',
      'They left.',
    ]);
  });
});

describe('splitSentences: lines, paragraphs and spans', () => {
  it('splits at single and double line breaks even without punctuation', () => {
    assert.deepEqual(split('Judul Berita Hari Ini\nOleh Redaksi\n\nParagraf pertama. Kalimat kedua.\n\n\nParagraf dua', 'id'), [
      'Judul Berita Hari Ini',
      'Oleh Redaksi',
      'Paragraf pertama.',
      'Kalimat kedua.',
      'Paragraf dua',
    ]);
  });

  it('splits at a line break even after an abbreviation', () => {
    assert.deepEqual(split('Kontak: Dr.\nBudi', 'id'), ['Kontak: Dr.', 'Budi']);
  });

  it('returns trimmed spans that index the given text, including after astral characters', () => {
    const text = '  🙂 Satu kalimat.   Dua kalimat!\r\n\tTiga  ';
    const spans = splitSentences(text, 'id');
    assert.deepEqual(spans, [
      { start: 2, end: 18 },
      { start: 21, end: 33 },
      { start: 36, end: 40 },
    ]);
    for (const s of spans) assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(splitSentences('', 'en'), []);
    assert.deepEqual(splitSentences(' \n\n \t', 'en'), []);
  });

  it('works for languages without own resources (English fallback rules, locale segmenter)', () => {
    assert.deepEqual(split('Der Minister kam. Dr. Müller sprach danach.', 'de'), ['Der Minister kam.', 'Dr. Müller sprach danach.']);
    assert.deepEqual(split('会议开始了。他发言了。', 'zh'), ['会议开始了。', '他发言了。']);
  });
});

describe('splitSentences: large input', () => {
  it('splits a 1 MB single paragraph quickly and identically to piecewise splitting', () => {
    const unit = 'Tn. Hartono tiba pukul 06.18 WIB di Jl. Sudirman No. 5. Dia berkata, “Saya senang.” Kemudian dia pergi! ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const spans = splitSentences(text, 'id');
    const ms = performance.now() - t0;
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
    const perUnit = splitSentences(unit, 'id').length;
    assert.equal(perUnit, 3);
    assert.equal(spans.length, perUnit * Math.ceil(1_000_000 / unit.length));
    // no span crosses a unit: every sentence is one of the three unit sentences
    const expected = new Set(split(unit, 'id'));
    for (const s of spans) assert.ok(expected.has(text.slice(s.start, s.end)), text.slice(s.start, s.end));
  });

  it('cuts text without punctuation or line breaks at spaces into units of at most MAX_SENTENCE', () => {
    const text = 'kata '.repeat(3000).trim();
    const spans = splitSentences(text, 'id');
    assert.ok(spans.length >= Math.floor(text.length / MAX_SENTENCE));
    assert.equal(spans[0]!.start, 0);
    assert.equal(spans.at(-1)!.end, text.length);
    for (const sp of spans) {
      assert.ok(sp.end - sp.start <= MAX_SENTENCE);
      assert.match(text.slice(sp.start, sp.end), /^kata( kata)*$/, 'cut between words, nothing lost inside');
    }
    for (let i = 1; i < spans.length; i++) assert.equal(text.slice(spans[i - 1]!.end, spans[i]!.start), ' ');
  });
});

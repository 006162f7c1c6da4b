import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeLanguageGroups, getLanguage, languages, supportedLanguages } from './index.ts';

describe('language registry', () => {
  it('registers id, en, vi and ms under their own codes', () => {
    assert.deepEqual([...supportedLanguages].sort(), ['en', 'id', 'ms', 'vi']);
    for (const code of supportedLanguages) assert.equal(languages[code]!.code, code);
  });

  it('resolves regional and upper-case codes, and falls back to English for unknown ones', () => {
    assert.equal(getLanguage('id-ID').code, 'id');
    assert.equal(getLanguage('VI').code, 'vi');
    assert.equal(getLanguage('ms_MY').code, 'ms');
    assert.equal(getLanguage('xx').code, 'en');
    assert.equal(getLanguage('').code, 'en');
  });
});

describe('per-language resources', () => {
  for (const code of ['id', 'en', 'vi', 'ms']) {
    const lang = languages[code]!;
    it(`${code}: 12 months and 7 weekdays, lower case, none shared between two months or two days`, () => {
      assert.equal(lang.dates.months.length, 12);
      assert.equal(lang.dates.weekdays.length, 7);
      for (const names of [...lang.dates.months, ...lang.dates.weekdays]) {
        assert.ok(names.length > 0);
        for (const n of names) assert.equal(n, n.toLowerCase(), n);
      }
      const monthNames = lang.dates.months.flat();
      assert.equal(new Set(monthNames).size, monthNames.length, 'a month name is listed twice');
      const dayNames = lang.dates.weekdays.flat();
      assert.equal(new Set(dayNames).size, dayNames.length, 'a weekday name is listed twice');
    });

    it(`${code}: abbreviations are bare tokens without the period or spaces`, () => {
      const all = [...lang.sentences.abbreviations, ...(lang.sentences.terminalAbbreviations ?? [])];
      assert.ok(lang.sentences.abbreviations.length >= 20);
      for (const a of all) assert.ok(a.length > 0 && !/\s/.test(a) && !a.endsWith('.'), JSON.stringify(a));
    });

    it(`${code}: has a substantial lower-case stopword list`, () => {
      assert.ok(lang.stopwords.length >= 300, String(lang.stopwords.length));
      for (const w of lang.stopwords) assert.equal(w, w.toLowerCase());
    });
  }

  it('vi stopwords cover multi-syllable function words', () => {
    const vi = new Set(languages['vi']!.stopwords);
    for (const w of ['tuy nhiên', 'vì vậy', 'trong khi', 'đối với', 'mặc dù', 'bên cạnh đó', 'của', 'những']) assert.ok(vi.has(w), w);
  });

  it('ms stopwords hold function words, not the names the source list carried', () => {
    const ms = new Set(languages['ms']!.stopwords);
    for (const w of ['yang', 'dan', 'kerana', 'bahawa', 'daripada', 'tidak']) assert.ok(ms.has(w), w);
    for (const w of ['malaysia', 'najib', 'kuala', 'lumpur']) assert.ok(!ms.has(w), w);
  });
});

describe('Indonesian/Malay discriminating words', () => {
  const group = closeLanguageGroups.find((g) => 'id' in g.words && 'ms' in g.words)!;

  it('lists no word for both languages, in lower case, with weights 1..3', () => {
    const id = group.words['id']!;
    const ms = group.words['ms']!;
    for (const w of Object.keys(id)) assert.ok(!(w in ms), `${w} is listed for both`);
    for (const words of [id, ms]) {
      for (const [w, weight] of Object.entries(words)) {
        assert.equal(w, w.toLowerCase());
        assert.ok(weight >= 1 && weight <= 3, `${w}: ${weight}`);
      }
    }
  });

  it('covers the well-known spelling pairs in both directions', () => {
    const pairs: Array<[string, string]> = [['karena', 'kerana'], ['bahwa', 'bahawa'], ['uang', 'wang'], ['kualitas', 'kualiti'], ['agustus', 'ogos'], ['kesehatan', 'kesihatan']];
    for (const [id, ms] of pairs) {
      assert.ok(group.words['id']![id], id);
      assert.ok(group.words['ms']![ms], ms);
    }
  });
});

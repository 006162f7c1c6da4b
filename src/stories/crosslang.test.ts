// Cross-language stories: articles in Indonesian, Vietnamese and English about one (invented)
// meeting share no words, only linked entities, numbers and dates; they must form one story through
// the real pipeline (analysis stage included), while other events stay apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processRaw } from '../pipeline.ts';
import { ingestDocs } from '../store/ingest.ts';
import { openStore } from '../store/db.ts';
import type { ArticleDoc } from '../types.ts';
import { tempStore } from '../reuse/testutil.ts';
import { articleFeatures } from './features.ts';

const meetingId = `Menteri Luar Negeri Indonesia Sari Wulandari bertemu Wakil Perdana Menteri Vietnam Nguyen Van Hoang di Da Nang pada Sabtu (14/3/2026). Kedua pejabat menandatangani nota kesepahaman tentang kerja sama perikanan dan patroli bersama di Laut Natuna Utara.

Dalam jumpa pers setelah pertemuan, Sari Wulandari mengatakan kesepakatan itu akan membuka jalur pertukaran data kapal nelayan antara kedua negara. Nguyen Van Hoang menambahkan bahwa Vietnam siap membentuk kelompok kerja teknis dalam tiga bulan.

Pertemuan di Da Nang itu merupakan yang pertama sejak kedua negara meningkatkan hubungan menjadi kemitraan strategis komprehensif. Delegasi Indonesia dijadwalkan kembali ke Jakarta pada Minggu.`;

const meetingVi = `Phó Thủ tướng Nguyễn Văn Hoàng đã hội đàm với Bộ trưởng Ngoại giao Indonesia Sari Wulandari tại Đà Nẵng ngày 14/3/2026. Hai bên đã ký bản ghi nhớ về hợp tác nghề cá và tuần tra chung trên biển.

Phát biểu tại cuộc họp báo sau hội đàm, Phó Thủ tướng Nguyễn Văn Hoàng cho biết Việt Nam sẵn sàng thành lập nhóm công tác kỹ thuật trong vòng ba tháng. Bộ trưởng Sari Wulandari nhấn mạnh thỏa thuận sẽ mở ra kênh trao đổi dữ liệu tàu cá giữa hai nước.

Đây là cuộc gặp đầu tiên tại Đà Nẵng kể từ khi hai nước nâng cấp quan hệ lên Đối tác chiến lược toàn diện.`;

const meetingEn = `Indonesian Foreign Minister Sari Wulandari and Vietnamese Deputy Prime Minister Nguyen Van Hoang signed a memorandum of understanding on fisheries cooperation and joint sea patrols in Da Nang on March 14, 2026.

Speaking to reporters after the talks, Sari Wulandari said the deal would open a channel for sharing data on fishing vessels between the two countries. Nguyen Van Hoang said Vietnam was ready to set up a technical working group within three months.

The meeting in Da Nang was the first since the two countries upgraded their ties to a comprehensive strategic partnership.`;

// Control 1: another event in the same country on the same day (shares the country, nothing else).
const stormId = `Badai tropis menghantam provinsi Quang Ngai di Vietnam tengah pada Sabtu (14/3/2026), memaksa ribuan warga mengungsi dari desa-desa pesisir. Hujan lebat menyebabkan banjir di sedikitnya dua belas kecamatan.

Otoritas penanggulangan bencana setempat melaporkan tiga orang hilang dan ratusan rumah rusak. Tim penyelamat menggunakan perahu karet untuk menjangkau warga yang terjebak di atap rumah.

Badan meteorologi Vietnam memperingatkan bahwa hujan deras masih akan turun selama dua hari ke depan di wilayah pesisir tengah.`;

// Control 2: one of the same people at a different event two days later (one shared entity).
const portEn = `Vietnamese Deputy Prime Minister Nguyen Van Hoang opened a new container terminal at the port of Hai Phong on March 16, 2026, saying it would cut waiting times for cargo ships by a third.

The terminal, built by a consortium of domestic logistics firms, can handle two million containers a year. Nguyen Van Hoang told port workers that the government would invest in rail links to the industrial zones around the city.`;

function doc(input: string, content: string, opts: { analyse?: boolean } = {}): ArticleDoc {
  return processRaw({ input, format: 'text', content, hints: { published: input.includes('port') ? '2026-03-16' : '2026-03-14' } }, opts);
}

async function storiesOf(docs: ArticleDoc[]): Promise<Map<string, string>> {
  const { store, cleanup } = await tempStore();
  try {
    const results = await ingestDocs(store, docs);
    return new Map(docs.map((d, i) => [d.input, results[i]!.storyId!]));
  } finally {
    await cleanup();
  }
}

test('stories: entity keys are language-independent (same keys from id, vi and en text)', () => {
  const keys = (d: ArticleDoc) => new Set([...articleFeatures(d).keys()].filter((k) => /^[etc]:/.test(k)));
  const [id, vi, en] = [doc('id', meetingId), doc('vi', meetingVi), doc('en', meetingEn)].map(keys);
  // The two people are found in every language under one key; overall each pair of languages shares
  // at least two entity keys (what cross-language scoring asks for).
  for (const k of ['e:vanhoang', 'e:sariwulandari']) {
    assert.ok(id.has(k) && vi.has(k) && en.has(k), `${k} in id ${[...id]} vi ${[...vi]} en ${[...en]}`);
  }
  for (const [x, y] of [[id, vi], [id, en], [vi, en]] as const) {
    assert.ok([...x].filter((k) => k.startsWith('e:') && y.has(k)).length >= 2, `${[...x]} / ${[...y]}`);
  }
  assert.ok(id.has('c:VN') && en.has('c:VN'));
  // without the analysis stage there are no entity keys (and nothing breaks)
  assert.equal(keys(doc('id', meetingId, { analyse: false })).size, 0);
});

test('stories: id + vi + en articles about one meeting form one story; other events stay apart', async () => {
  // Controls first, so the meeting articles have other stories to choose from.
  const docs = [doc('storm-id', stormId), doc('port-en', portEn), doc('meeting-id', meetingId), doc('meeting-vi', meetingVi), doc('meeting-en', meetingEn)];
  const s = await storiesOf(docs);
  assert.equal(s.get('meeting-vi'), s.get('meeting-id'), 'vi joins id');
  assert.equal(s.get('meeting-en'), s.get('meeting-id'), 'en joins id');
  assert.equal(new Set(s.values()).size, 3, `stories: ${JSON.stringify([...s])}`);
  assert.notEqual(s.get('storm-id'), s.get('meeting-id'));
  assert.notEqual(s.get('port-en'), s.get('meeting-id'));
});

test('stories: without the analysis stage the Vietnamese article (names with diacritics) stays apart', async () => {
  // id and en share the ASCII spellings of the names as plain name keys; vi shares no word or name.
  const docs = [doc('meeting-id', meetingId, { analyse: false }), doc('meeting-vi', meetingVi, { analyse: false }), doc('meeting-en', meetingEn, { analyse: false })];
  const s = await storiesOf(docs);
  assert.notEqual(s.get('meeting-vi'), s.get('meeting-id'), `stories: ${JSON.stringify([...s])}`);
  assert.notEqual(s.get('meeting-vi'), s.get('meeting-en'), `stories: ${JSON.stringify([...s])}`);
});

test('stories: entity features from the analysis stage (type dropped, names by their last two words)', () => {
  const base = doc('plain', 'Satu kalimat saja tanpa nama.', { analyse: false });
  const ent = (key: string, name: string, type: 'PERSON' | 'ORGANISATION' | 'PLACE' | 'OTHER', mentions = 1) => ({
    key, name, type, aliases: [], roles: [], mentions: Array.from({ length: mentions }, () => ({ start: 0, end: 1 })),
  });
  const withEntities: ArticleDoc = {
    ...base,
    analysis: {
      entities: [
        ent('person:fisheriesyusufhamdani', 'Fisheries Yusuf Hamdani', 'PERSON', 2),
        ent('place:sariwulandari', 'Sari Wulandari', 'PLACE'),
        ent('country:ID', 'Indonesia', 'PLACE', 3),
        ent('other:piala', 'Piala', 'OTHER'),
      ],
      events: [],
      agreements: [],
      quotes: [],
    },
  };
  const f = articleFeatures(withEntities);
  const keys = Object.fromEntries([...f].filter(([k]) => /^[etc]:/.test(k)));
  assert.deepEqual(keys, { 'e:yusufhamdani': 2, 'e:sariwulandari': 1, 'c:ID': 3 });
});

test('stories: a later process (new connection) joins the meeting across languages to an article it never met', async () => {
  const { store, cleanup } = await tempStore();
  try {
    const first = await ingestDocs(store, [doc('storm-id', stormId), doc('port-en', portEn), doc('meeting-id', meetingId)]);
    // a new connection keeps nothing of the first one's articles: their languages (what lets an article in
    // another language be compared by its entities) are read from the store
    const again = await openStore(store.location);
    try {
      const [vi, en] = await ingestDocs(again, [doc('meeting-vi', meetingVi), doc('meeting-en', meetingEn)]);
      assert.equal(vi!.storyId, first[2]!.storyId, 'vi joins id');
      assert.equal(en!.storyId, first[2]!.storyId, 'en joins id');
    } finally {
      await again.close();
    }
  } finally {
    await cleanup();
  }
});

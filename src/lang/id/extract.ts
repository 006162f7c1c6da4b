import type { ExtractLangData } from '../types.ts';

// Indonesian news-page lexicon: the phrasing Indonesian portals (national, regional, agency)
// use for sources, bylines, captions and page furniture. Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: [
    'Sumber', 'Sumber berita', 'Sumber artikel', 'Sumber asli', 'Artikel asli', 'Baca artikel asli',
    'Baca artikel sumber', 'Dikutip dari', 'Disadur dari', 'Tautan asli', 'Tautan sumber',
  ],
  bylinePrefixes: [
    'Oleh', 'Penulis', 'Ditulis oleh', 'Reporter', 'Wartawan', 'Pewarta', 'Jurnalis', 'Kontributor',
    'Laporan', 'Laporan wartawan', 'Koresponden', 'Penerjemah', 'Diterjemahkan oleh', 'Alih bahasa',
  ],
  editorPrefixes: [
    'Editor', 'Diedit oleh', 'Disunting oleh', 'Penyunting', 'Redaktur', 'Redaktur pelaksana',
    'Penanggung jawab', 'Pemimpin redaksi', 'Penyelaras', 'Penyelaras bahasa',
  ],
  citedSourcesHeadings: ['Sumber-sumber', 'Sumber', 'Sumber berita', 'Referensi', 'Rujukan', 'Daftar pustaka', 'Daftar sumber'],
  captionCreditWords: [
    'Foto', 'Fotografer', 'Sumber foto', 'Kredit foto', 'Gambar', 'Ilustrasi', 'Dok', 'Dokumentasi',
    'Grafis', 'Infografis', 'Video', 'Tangkapan layar',
  ],
  captionCreditAgents: ['oleh'],
  boilerplateLines: [
    /^komentar\s*\(\d+\)$/i,
    /^\d+\s+komentar$/i,
    /^(tulis|lihat|tampilkan|muat) (semua )?komentar( anda)?\.?$/i,
    /^(belum ada|tidak ada) (komentar|data)\.?$/i,
    /^apakah anda menemukan (kesalahan|kekeliruan|ketidakakuratan)\b.*\?$/i,
    /^kami akan mempertimbangkan (komentar|masukan|laporan) anda\b.*$/i,
    /^laporkan (kesalahan|iklan|komentar)\b.*$/i,
    /^(baca|simak) (juga|pula|selengkapnya|berita lainnya)\b.*$/i,
    /^(lihat|tonton) (juga|videonya|selengkapnya)\b.*$/i,
    /^(berita|artikel) (terkait|terpopuler|terkini|lainnya|pilihan)\b.*$/i,
    /^(dalam|dari) (topik|kategori|rubrik) yang sama$/i,
    /^dari penulis yang sama$/i,
    /^(terpopuler|terbaru|terkini|populer|pilihan editor|rekomendasi|trending|video pilihan)$/i,
    /^(bagikan|share)( artikel( ini)?)?( ke| via)?:?$/i,
    /^(tag|tags|topik|kata kunci|label)\s*:.*$/i,
    /^(ikuti|follow) (kami|berita|kanal|channel)\b.*$/i,
    /^(dapatkan|update) (berita|informasi|info)\b.*(whatsapp|telegram|google news|notifikasi|channel)\b.*$/i,
    /^(klik|download|unduh) (di ?sini|aplikasi)\b.*$/i,
    /^(hak cipta|copyright|©).*$/i,
    /^(all rights reserved|seluruh hak cipta dilindungi).*$/i,
    /^(halaman|hal\.?)\s*\d+\s*(dari|\/)\s*\d+$/i,
    /^(selanjutnya|sebelumnya|berikutnya|kembali ke atas|muat lebih banyak|tampilkan lebih banyak|lihat semua|selengkapnya)\s*[»›>]*$/i,
    /^(iklan|advertisement|konten bersponsor|scroll to continue|scroll untuk melanjutkan)( with content)?\.?$/i,
    /^(masuk|daftar|login|langganan|berlangganan)( \/ (daftar|masuk))?$/i,
    /^(kirim|kirimkan) (komentar|tanggapan)\b.*$/i,
  ],
  relatedHeadings: [
    'Baca juga', 'Baca pula', 'Berita terkait', 'Artikel terkait', 'Berita lainnya', 'Artikel lainnya',
    'Berita terpopuler', 'Berita terkini', 'Terpopuler', 'Terbaru', 'Pilihan editor', 'Rekomendasi',
    'Dalam topik yang sama', 'Dalam kategori yang sama', 'Dari penulis yang sama', 'Topik terkait',
    'Jangan lewatkan', 'Simak juga', 'Lihat juga', 'Video terkait',
  ],
  months: [
    ['januari', 'jan'], ['februari', 'pebruari', 'feb', 'peb'], ['maret', 'mar'], ['april', 'apr'], ['mei'],
    ['juni', 'jun'], ['juli', 'jul'], ['agustus', 'agu', 'agt', 'ags', 'agust'], ['september', 'sep', 'sept'],
    ['oktober', 'okt'], ['november', 'nopember', 'nov', 'nop'], ['desember', 'des'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['diperbarui', 'diupdate', 'update', 'pembaruan', 'diperbaharui', 'terakhir diubah'],
  nameListConjunctions: ['dan'],
  nameParticles: ['bin', 'binti'],
};

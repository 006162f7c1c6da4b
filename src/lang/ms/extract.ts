import type { ExtractLangData } from '../types.ts';

// Malay news-page lexicon (Malaysian and Bruneian portals). Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Sumber', 'Sumber asal', 'Sumber berita', 'Artikel asal', 'Dipetik daripada', 'Petikan daripada', 'Pautan asal'],
  bylinePrefixes: ['Oleh', 'Penulis', 'Ditulis oleh', 'Wartawan', 'Pemberita', 'Laporan', 'Koresponden', 'Diterjemah oleh', 'Terjemahan'],
  editorPrefixes: ['Editor', 'Disunting oleh', 'Penyunting', 'Pengarang berita', 'Ketua pengarang'],
  citedSourcesHeadings: ['Sumber-sumber', 'Sumber', 'Rujukan', 'Sumber rujukan', 'Senarai rujukan', 'Bibliografi'],
  captionCreditWords: ['Foto', 'Gambar', 'Gambar hiasan', 'Ilustrasi', 'Sumber gambar', 'Kredit gambar', 'Grafik', 'Infografik', 'Video'],
  captionCreditAgents: ['oleh'],
  boilerplateLines: [
    /^komen\s*\(\d+\)$/i,
    /^\d+\s+komen$/i,
    /^(tulis|lihat|papar) (semua )?komen( anda)?\.?$/i,
    /^(tiada|belum ada) (komen|data)\.?$/i,
    /^adakah anda (menemui|menjumpai) (kesilapan|ralat)\b.*\?$/i,
    /^laporkan (kesilapan|ralat|iklan)\b.*$/i,
    /^(baca|lihat) (juga|lagi|seterusnya|selanjutnya)\b.*$/i,
    /^(berita|artikel) (berkaitan|terkini|popular|lain|pilihan)\b.*$/i,
    /^(terkini|popular|pilihan editor|trending|tular)$/i,
    /^(kongsi|share)( artikel( ini)?)?( ke)?:?$/i,
    /^(tag|tags|topik|kata kunci)\s*:.*$/i,
    /^(ikuti|sertai) (kami|saluran)\b.*$/i,
    /^(hak cipta|copyright|©).*$/i,
    /^(halaman|hlm\.?)\s*\d+\s*(daripada|\/)\s*\d+$/i,
    /^(seterusnya|sebelumnya|kembali ke atas|muat lagi|lihat semua)\s*[»›>]*$/i,
    /^(iklan|advertisement|kandungan tajaan)\.?$/i,
  ],
  relatedHeadings: ['Baca juga', 'Baca lagi', 'Berita berkaitan', 'Artikel berkaitan', 'Berita terkini', 'Berita lain', 'Popular', 'Pilihan editor', 'Topik berkaitan'],
  months: [
    ['januari', 'jan'], ['februari', 'feb'], ['mac'], ['april', 'apr'], ['mei'], ['jun'], ['julai', 'jul'],
    ['ogos', 'ogo'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['disember', 'dis'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['dikemas kini', 'kemas kini', 'dikemaskini', 'dikemas kini pada'],
  nameListConjunctions: ['dan'],
  nameParticles: ['bin', 'binti', 'al'],
};

import { createRequire } from 'node:module';

// Malay function words. The stopwords-iso Malay list was derived from word frequency in
// Malaysian business news, so it carries names and topic words; those are removed here and
// the core function words it lacks are added.
const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

// Proper names, places, organisations and topical nouns in the stopwords-iso list: not function words.
const notStopwords = new Set<string>([
  'abdul', 'abdullah', 'ahmad', 'amerika', 'asean', 'asia', 'australia', 'bhd', 'bn', 'bursa', 'china', 'datuk', 'derivatives',
  'dolar', 'india', 'indonesia', 'islam', 'jepun', 'klci', 'klibor', 'kuala', 'lumpur', 'malaysia', 'mohd', 'najib', 'proton',
  'sabah', 'sarawak', 'sawit', 'sdn', 'singapura', 'sri', 'syed', 'tan', 'thailand', 'tun', 'umno', 'ringgit', 'saham', 'indeks',
  'kaunter', 'komposit', 'lot', 'papan', 'perladangan', 'sekuriti', 'tunai', 'faedah', 'dagangan', 'diniagakan', 'eksport',
  'minyak', 'pinjaman', 'dr',
]);

const extra: string[] = [
  'yang', 'dan', 'atau', 'tetapi', 'tapi', 'namun', 'lalu', 'kemudian', 'maka', 'pun', 'lah', 'kah', 'jua', 'pula', 'sahaja',
  'saja', 'hanya', 'cuma', 'tak', 'bukan', 'belum', 'jangan', 'sudah', 'telah', 'sedang', 'masih', 'akan', 'pernah', 'baru',
  'ia', 'dia', 'beliau', 'mereka', 'kami', 'kita', 'saya', 'aku', 'anda', 'awak', 'engkau', 'kamu', 'nya', 'ini', 'itu', 'sini',
  'situ', 'sana', 'begitu', 'begini', 'demikian', 'sebegitu', 'mana', 'apa', 'siapa', 'bila', 'bagaimana', 'mengapa', 'kenapa',
  'berapa', 'di', 'ke', 'dari', 'daripada', 'kepada', 'pada', 'dalam', 'dengan', 'untuk', 'bagi', 'oleh', 'tentang', 'mengenai',
  'terhadap', 'antara', 'sejak', 'hingga', 'sehingga', 'sampai', 'tanpa', 'seperti', 'bagai', 'bagaikan', 'umpama', 'kerana',
  'sebab', 'jika', 'kalau', 'sekiranya', 'apabila', 'ketika', 'semasa', 'sewaktu', 'selagi', 'supaya', 'agar', 'walaupun',
  'meskipun', 'biarpun', 'sungguhpun', 'bahawa', 'iaitu', 'ialah', 'adalah', 'merupakan', 'ada', 'tiada', 'boleh', 'dapat',
  'harus', 'mesti', 'perlu', 'mahu', 'hendak', 'ingin', 'semua', 'segala', 'setiap', 'tiap', 'sesuatu', 'sesiapa', 'mana-mana',
  'beberapa', 'banyak', 'sedikit', 'lebih', 'kurang', 'paling', 'sangat', 'amat', 'terlalu', 'agak', 'juga', 'lagi', 'sudahpun',
  'manakala', 'malah', 'bahkan', 'justeru', 'oleh itu', 'walau bagaimanapun', 'selain itu', 'di samping', 'dalam pada itu',
];

export const stopwords: string[] = [
  ...new Set([...(iso['ms'] ?? []).filter((w) => !notStopwords.has(w)), ...extra]),
];

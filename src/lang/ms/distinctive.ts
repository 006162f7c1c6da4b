// Words that tell Malaysian Malay apart from Indonesian (its closest relative, which general
// detectors confuse it with). Weights: 3 = spelling or word Indonesian does not use,
// 2 = strong preference, 1 = tendency. Entries are lower case; two-word entries match word pairs.
// Chosen from standard-register differences across topics, so no single subject decides.
export const distinctiveWords: Record<string, number> = {
  // spelling differences in frequent function and content words
  kerana: 3, bahawa: 3, iaitu: 3, sahaja: 3, sebahagian: 3, bahagian: 3, justeru: 3, mahu: 3, baharu: 2,
  fikir: 3, berfikir: 3, difikirkan: 3, faham: 2, difahami: 3, difahamkan: 3, kefahaman: 3,
  sihat: 3, kesihatan: 3, ubat: 3, wabak: 3, doktor: 1, pesakit: 3, hutang: 3, cuba: 3, mencuba: 3, dicuba: 3, percubaan: 3,
  kenderaan: 3, telefon: 3, televisyen: 3, filem: 3, muzik: 3, muzium: 3, projek: 3, kes: 3, jadual: 3, minit: 3, tentera: 3,
  jeneral: 3, komander: 3, leftenan: 3, sarjan: 3, koperal: 3, inspektor: 3, parlimen: 3, majlis: 2, setiausaha: 3,
  kerusi: 3, kempen: 3, akaun: 3, automatik: 3, kualiti: 3, kuantiti: 3, universiti: 3, aktiviti: 3,
  komuniti: 3, identiti: 3, fasiliti: 3, kapasiti: 3, majoriti: 3, minoriti: 3, realiti: 3,
  integriti: 3, kestabilan: 2, produktiviti: 3, kreativiti: 3, populariti: 3,
  imigresen: 3, pelaburan: 3, maklumat: 3, pentadbiran: 3, antarabangsa: 3, peratus: 3, bilion: 3, trilion: 3,
  inggeris: 3, jepun: 3, syarikat: 3,
  // everyday and news vocabulary
  wang: 3, polis: 2, kerajaan: 1, perniagaan: 3, kakitangan: 3,
  basikal: 3, motosikal: 3, lori: 3, petrol: 3, elektrik: 3, kilang: 3, kedai: 3, bilik: 3,
  'lapangan terbang': 3, pelancongan: 3, pelancong: 3, percutian: 3, percuma: 3, belanjawan: 3, bajet: 3,
  mangsa: 2, kemalangan: 3, terkorban: 3, suspek: 3, tertuduh: 2, disyaki: 3, dipercayai: 1, siasatan: 3,
  menyiasat: 3, penyiasatan: 3, 'pendakwa raya': 3, peguam: 3, rasuah: 3, dadah: 3, 'pilihan raya': 3,
  pengundi: 3, mengundi: 2, undi: 2, gabenor: 3, persekutuan: 2,
  lelaki: 1, penyelidik: 3, penyelidikan: 2, jurulatih: 3, kejohanan: 3,
  pingat: 3, 'laman web': 3, akhbar: 3, 'sidang media': 3, awam: 1, 'orang ramai': 3, tempatan: 3,
  perkhidmatan: 3, jurucakap: 3, pengarah: 2, jawatankuasa: 3, jawatan: 3, pembangkang: 3,
  memaklumkan: 3, dimaklumkan: 3, mendedahkan: 3, menafikan: 2, mendapati: 1, berkata: 1,
  dijangka: 3, menerusi: 2, berikutan: 2, berkenaan: 1, memandangkan: 3, manakala: 3, walaubagaimanapun: 3,
  bagaimanapun: 1, selepas: 3, semasa: 1, sekiranya: 1, tiada: 1, sebarang: 2, mengikut: 2,
  kelmarin: 3, esok: 2, petang: 1, 'tengah hari': 2, timbalan: 3, naib: 2, encik: 3, puan: 3,
  dato: 2, sepatutnya: 3, seterusnya: 1, tempoh: 3,
  'luar negara': 2, 'bola sepak': 3, 'lebuh raya': 3, lebuhraya: 3, 'oleh itu': 1, 'lebih kurang': 2,
  kastam: 3, bomba: 3, kebajikan: 1, solat: 2,
  // more spelling and vocabulary differences frequent in reporting
  peribadi: 3, berbanding: 3, seramai: 3, mahukan: 3, daripada: 1, sesetengah: 3, notis: 3, ianya: 1, berkhidmat: 3,
  bersetuju: 3, menerajui: 3, menyifatkan: 3, disifatkan: 3, mengulas: 1, termasuklah: 3,
  berhasrat: 1, 'arus perdana': 3, didakwa: 1, pertuduhan: 3, 'ahli parlimen': 3, 'pihak berkuasa': 3, pemberita: 2,
  jawapan: 3, tarikh: 3, bertarikh: 3, berhubung: 2, kepimpinan: 3, perlembagaan: 3, suruhanjaya: 3, ekoran: 3,
  dapati: 2, bercakap: 1, 'sedia ada': 3, sejurus: 3, pelbagai: 3, kerap: 1, 
  'mengambil kira': 3, 'sama ada': 3, mahupun: 3, hendaklah: 1, 'sekurang-kurangnya': 2, beliau: 1, kawasan: 1,
  // colloquial forms common in quotes and comments
  takde: 3, nak: 2, dah: 1, je: 2, jom: 3, korang: 3, diorang: 3, sikit: 2, camni: 3, camtu: 3,
  // months and weekdays spelled differently in Indonesia
  mac: 1, julai: 3, ogos: 3, disember: 3, isnin: 3, khamis: 3, jumaat: 3,
};

/** Enclitics and particles that attach to any word ("kualitinya", "bukankah"); stripped when a form is not listed. */
export const clitics: string[] = ['nya', 'lah', 'kah', 'pun', 'tah', 'ku', 'mu'];

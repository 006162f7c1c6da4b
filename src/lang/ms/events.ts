// Malay event lexicon: Malay shares Indonesian verb morphology (meN-/di-/peN-an), so this extends the Indonesian
// lexicon with the words Malaysian and Bruneian news use where they differ (lawatan, memeterai, berkata, persefahaman).
import type { EventLexicon, TriggerEntry } from '../../events/lexicon.ts';
import { events as id } from '../id/events.ts';

const extra: TriggerEntry[] = [
  { p: 'melawat|dilawati', t: 'CONSULT', mode: 'visit', context: 'diplomatic' },
  { p: 'lawatan rasmi|negara|kerja', t: 'CONSULT', mode: 'visit', context: 'diplomatic' },
  { p: 'mengadakan ... perbincangan|rundingan|pertemuan', t: 'CONSULT', sym: true, context: 'diplomatic' },
  { p: 'perbincangan|rundingan', t: 'CONSULT', sym: true, noun: true, context: 'diplomatic' },
  { p: 'memeterai|dimeterai|pemeteraian|menandatangani|ditandatangani|menandatangan|ditandatangan', t: 'SUPPORT', mode: 'sign', context: 'diplomatic' },
  { p: 'bersetuju|dipersetujui', t: 'AGREE', frame: true },
  { p: 'persetujuan|perjanjian', t: 'AGREE', noun: true },
  { p: 'bekerjasama', t: 'COOPERATE' },
  { p: 'menggesa|digesa|gesaan', t: 'REQUEST', frame: true },
  { p: 'membidas|dibidas|bidasan', t: 'ACCUSE', mode: 'disapprove' },
  { p: 'menyiasat|disiasat|siasatan', t: 'ACCUSE', mode: 'investigate' },
  { p: 'menahan|ditahan|tahanan', t: 'COERCE', mode: 'arrest' },
  { p: 'perhimpunan|berhimpun', t: 'PROTEST' },
];

export const events: EventLexicon = {
  ...id,
  code: 'ms',
  triggers: [...extra, ...id.triggers],
  future: [...id.future, 'dijangka'],
  planned: [...id.planned, 'merancang|dirancang'],
  reported: [...id.reported, 'dikhabarkan', 'khabarnya'],
  sayVerbs: [...id.sayVerbs, 'berkata', 'katanya', 'menurutnya', 'memberitahu', 'menyatakan', 'menjelaskan'],
  agreementKinds: {
    ...id.agreementKinds,
    'memorandum of understanding': ['memorandum persefahaman', 'memorandum persefahaman', 'mou', 'nota persefahaman', ...id.agreementKinds['memorandum of understanding']!],
    agreement: ['perjanjian', 'persetujuan', 'kesepakatan', 'pengaturan', 'pelan tindakan'],
  },
  agreementFields: {
    ...id.agreementFields,
    defence: [...id.agreementFields.defence!, 'keselamatan'],
    education: [...id.agreementFields.education!, 'latihan', 'pengajian tinggi'],
  },
  ceremony: [...(id.ceremony ?? []), 'das tembakan', 'tembakan meriam', 'bunga api', 'perbarisan', 'kawalan kehormatan', 'kalungan bunga'],
  cognitive: [...(id.cognitive ?? []), 'mengenangi|dikenangi'],
  interviewCues: [...id.interviewCues, 'temu bual dengan', 'temubual dengan', 'ditemubual'],
  questionLabels: [...id.questionLabels, 'soalan', 's'],
};

import type { EntityOrgs } from '../../entities/langdata.ts';
import { orgs as id } from '../id/orgs.ts';

// Malay organisation and place heads: the Indonesian list plus Malaysian forms.
export const orgs: EntityOrgs = {
  orgHeads: [...id.orgHeads, 'Jabatan', 'Suruhanjaya', 'Pertubuhan', 'Persatuan', 'Syarikat', 'Kerajaan', 'Dewan Rakyat', 'Dewan Negara', 'Angkatan Tentera', 'Polis', 'Pejabat', 'Majlis', 'Lembaga', 'Institut', 'Kolej'],
  conjunctions: [...id.conjunctions],
  functionWords: [...id.functionWords],
  nameParticles: [...(id.nameParticles ?? [])],
  nonEntities: [...id.nonEntities, 'Walau bagaimanapun', 'Tetapi', 'Selain itu', 'Gambar'],
  directionWords: [...(id.directionWords ?? [])],
  documentHeads: [...(id.documentHeads ?? []), 'Akta', 'Enakmen', 'Perlembagaan', 'Memorandum Persefahaman'],
  placeHeads: [...id.placeHeads, 'Negeri', 'Bandar', 'Daerah', 'Mukim', 'Jalan', 'Lapangan Terbang'],
};

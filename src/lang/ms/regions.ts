// World regions, continents, oceans, seas and straits in Malay: Indonesian's list plus Malay spellings, by the ids
// of src/lang/en/regions.ts.
import { regions as id } from '../id/regions.ts';

const malay: Record<string, string[]> = {
  europe: ['Eropah'],
  'eastern-europe': ['Eropah Timur'],
  'western-europe': ['Eropah Barat'],
  'pacific-ocean': ['Lautan Pasifik'],
  'atlantic-ocean': ['Lautan Atlantik'],
  'indian-ocean': ['Lautan Hindi'],
  'arctic-ocean': ['Lautan Artik'],
  'malay-peninsula': ['Semenanjung Malaysia', 'Tanah Melayu'],
  'west-bank': ['Tebing Barat'],
  'gaza-strip': ['Semenanjung Gaza'],
  'golan-heights': ['Bukit Golan'],
  crimea: ['Crimea'],
};

export const regions: Record<string, string[]> = Object.fromEntries(
  Object.entries(id).map(([k, v]) => [k, [...v, ...(malay[k] ?? [])]]),
);

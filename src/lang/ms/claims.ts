// Malay shares Indonesian's counting, state and cue words closely enough for the cross-check; local differences added here.
import type { ClaimLexicon } from '../../crosscheck/lexicon.ts';
import { claims as id } from '../id/claims.ts';

export const claims: ClaimLexicon = {
  ...id,
  scales: { ...id.scales, bilion: 1e9, billion: 1e9 },
  currencies: { ...id.currencies, MYR: ['rm', 'ringgit', 'myr'] },
};

import type { LanguageData } from '../types.ts';
import { dates } from './dates.ts';
import { extract } from './extract.ts';
import { sentences } from './sentences.ts';
import { stopwords } from './stopwords.ts';
import { time } from './time.ts';
import { events } from './events.ts';
import { titles } from './titles.ts';
import { orgs } from './orgs.ts';
import { regions } from './regions.ts';
import { organisations } from './organisations.ts';
import { ministries } from './ministries.ts';
import { claims } from './claims.ts';

export const language: LanguageData = {
  code: 'vi',
  name: 'Vietnamese',
  sentences,
  extract,
  dates,
  stopwords,
  time,
  events,
  entities: { ...titles, ...orgs, regions, organisations, ministries },
  claims,
};

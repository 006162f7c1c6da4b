import type { ExtractLangData } from '../types.ts';

// Romanian (and Moldovan) news-page lexicon. Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Sursa', 'Sursă', 'Surse', 'Articol original', 'Via'],
  bylinePrefixes: ['Autor', 'Autoare', 'Autori', 'Scris de', 'Text', 'Reporter', 'Traducere'],
  editorPrefixes: ['Editor', 'Redactor', 'Redacția', 'Editat de'],
  citedSourcesHeadings: ['Surse', 'Referințe', 'Bibliografie'],
  captionCreditWords: ['Foto', 'Fotografie', 'Imagine', 'Sursa foto', 'Credit foto', 'Ilustrație', 'Video', 'Captură'],
  boilerplateLines: [
    /^comentarii\s*\(\d+\)$/i,
    /^\d+\s+comentarii$/i,
    /^(niciun|nu există) comentari(u|i)\.?$/i,
    /^(lasă|scrie|adaugă|vezi) (un|toate)? ?comentari(u|ile|i)\b.*$/i,
    /^(citește|citeste|vezi) (și|si|mai mult|tot)\b.*$/i,
    /^(articole|știri|stiri) (similare|asemănătoare|recomandate|populare|conexe)\b.{0,40}$/i,
    /^(cele mai citite|cele mai noi|ultima oră|recomandări)\s*:?$/i,
    /^(distribuie|share)( articolul)?\s*:?$/i,
    /^(etichete|tags?|categorii|cuvinte cheie)\s*:.*$/i,
    /^(urmărește-ne|abonează-te)\b.*$/i,
    /^(©|copyright|\(c\)|toate drepturile rezervate).*$/i,
    /^pagina\s*\d+\s*(din|\/)\s*\d+$/i,
    /^(următorul|următoarea|anterior|anterioara|înapoi sus|vezi mai mult|vezi tot)\s*[»›>]*$/i,
    /^(publicitate|reclamă|conținut sponsorizat)\.?$/i,
  ],
  relatedHeadings: ['Citește și', 'Citeste si', 'Vezi și', 'Articole similare', 'Articole recomandate', 'Cele mai citite', 'Știri similare'],
  months: [
    ['ianuarie', 'ian'], ['februarie', 'feb', 'febr'], ['martie', 'mart'], ['aprilie', 'apr'], ['mai'], ['iunie', 'iun'],
    ['iulie', 'iul'], ['august', 'aug'], ['septembrie', 'sept', 'sep'], ['octombrie', 'oct'], ['noiembrie', 'noi', 'nov'], ['decembrie', 'dec'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['actualizat', 'actualizare', 'modificat', 'ultima actualizare'],
};

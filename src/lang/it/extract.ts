import type { ExtractLangData } from '../types.ts';

// Italian news-page lexicon. Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Fonte', 'Fonti', 'Articolo originale', 'Pubblicato originariamente su', 'Via'],
  bylinePrefixes: ['Autore', 'Autrice', 'Autori', 'Scritto da', 'Testo', 'Servizio di', 'Tradotto da', 'Traduzione'],
  editorPrefixes: ['A cura di', 'Redazione', 'Editor', 'Modificato da'],
  citedSourcesHeadings: ['Fonti', 'Riferimenti', 'Bibliografia', 'Note'],
  captionCreditWords: ['Foto', 'Immagine', 'Credito', 'Crediti', 'Illustrazione', 'Infografica', 'Video', 'Archivio'],
  boilerplateLines: [
    /^commenti?\s*\(\d+\)$/i,
    /^\d+\s+commenti?$/i,
    /^(nessun|senza) commento\.?$/i,
    /^(lascia|scrivi|aggiungi|vedi|mostra|leggi) (un|i|tutti i)? ?commenti?\b.*$/i,
    /^(leggi|vedi|guarda) (anche|pure|altro)\b.*$/i,
    /^(articoli|notizie|post|contenuti) (correlati|simili|consigliati|popolari|più letti)\b.{0,40}$/i,
    /^(i più letti|più letti|più visti|potrebbe interessarti|ti potrebbe interessare|potrebbero interessarti)\s*:?$/i,
    /^(condividi|condividi su .{1,20}|condividi questo articolo)\s*:?$/i,
    /^(tag|tags|argomenti|categorie|categoria|parole chiave)\s*:.*$/i,
    /^(seguici|iscriviti)\b.*$/i,
    /^(©|copyright|\(c\)|riproduzione riservata|tutti i diritti riservati).*$/i,
    /^pagina\s*\d+\s*(di|\/)\s*\d+$/i,
    /^(successivo|precedente|torna su|mostra altro|vedi tutto|leggi tutto|continua a leggere)\s*[»›>]*$/i,
    /^(pubblicità|sponsorizzato|contenuto sponsorizzato|annuncio)\.?$/i,
    /^(accedi|registrati|login|abbonati)$/i,
    /^(stampa|invia per e-?mail)$/i,
  ],
  relatedHeadings: ['Leggi anche', 'Vedi anche', 'Articoli correlati', 'Notizie correlate', 'I più letti', 'Potrebbe interessarti', 'Ti potrebbe interessare'],
  months: [
    ['gennaio', 'gen'], ['febbraio', 'feb'], ['marzo', 'mar'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'], ['luglio', 'lug'],
    ['agosto', 'ago'], ['settembre', 'set', 'sett'], ['ottobre', 'ott'], ['novembre', 'nov'], ['dicembre', 'dic'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['aggiornato', 'aggiornata', 'aggiornamento', 'modificato', 'ultima modifica'],
  nameParticles: ['di', 'da', 'de'],
};

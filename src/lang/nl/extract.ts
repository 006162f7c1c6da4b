import type { ExtractLangData } from '../types.ts';

// Dutch news-page lexicon (Netherlands, Flanders). Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Bron', 'Bronnen', 'Oorspronkelijk artikel', 'Oorspronkelijk gepubliceerd op', 'Via'],
  bylinePrefixes: ['Door', 'Auteur', 'Auteurs', 'Geschreven door', 'Tekst', 'Verslag', 'Vertaald door', 'Vertaling'],
  editorPrefixes: ['Redactie', 'Bewerkt door', 'Eindredactie', 'Redacteur'],
  citedSourcesHeadings: ['Bronnen', 'Referenties', 'Literatuur', 'Noten'],
  captionCreditWords: ['Foto', "Foto's", 'Beeld', 'Afbeelding', 'Illustratie', 'Infographic', 'Video', 'Archief'],
  boilerplateLines: [
    /^reacties?\s*\(\d+\)$/i,
    /^\d+\s+reacties?$/i,
    /^(geen|nog geen) reacties\.?$/i,
    /^(laat|plaats|schrijf|bekijk|toon|lees) (een|de|alle|je)? ?reacties?\b.*$/i,
    /^(lees|bekijk|zie) (ook|meer|verder)\b.*$/i,
    /^(gerelateerde|vergelijkbare|aanbevolen|populaire|meest gelezen) (artikelen|berichten|nieuws|posts|onderwerpen)\b.{0,40}$/i,
    /^(meest gelezen|meest bekeken|ook interessant|dit vind je misschien ook leuk|misschien ook interessant)\s*:?$/i,
    /^(delen|deel dit artikel|deel op .{1,20}|deel dit bericht)\s*:?$/i,
    /^(tags?|trefwoorden|onderwerpen|categorieën|categorie)\s*:.*$/i,
    /^(volg ons|abonneer|schrijf je in)\b.*$/i,
    /^(©|copyright|\(c\)|alle rechten voorbehouden).*$/i,
    /^pagina\s*\d+\s*(van|\/)\s*\d+$/i,
    /^(volgende|vorige|terug naar boven|meer tonen|bekijk alles|lees meer|verder lezen)\s*[»›>]*$/i,
    /^(advertentie|gesponsord|gesponsorde inhoud)\.?$/i,
    /^(inloggen|registreren|aanmelden|abonneren)$/i,
    /^(afdrukken|printen|mailen)$/i,
  ],
  relatedHeadings: ['Lees ook', 'Lees meer', 'Zie ook', 'Gerelateerde artikelen', 'Meest gelezen', 'Ook interessant', 'Meer nieuws'],
  months: [
    ['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt', 'maa'], ['april', 'apr'], ['mei'], ['juni', 'jun'], ['juli', 'jul'],
    ['augustus', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['december', 'dec'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['bijgewerkt', 'laatst bijgewerkt', 'gewijzigd', 'aangepast', 'update'],
  nameParticles: ['van', 'de', 'der'],
};

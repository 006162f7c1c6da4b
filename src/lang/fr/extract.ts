import type { ExtractLangData } from '../types.ts';

// French news-page lexicon (France, Belgium, Switzerland, Canada, Africa). Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: ['Source', 'Sources', 'Article original', 'Publié initialement sur', 'Via'],
  bylinePrefixes: ['Par', 'Auteur', 'Autrice', 'Auteure', 'Auteurs', 'Écrit par', 'Rédigé par', 'Texte', 'Propos recueillis par', 'Reportage', 'Traduit par', 'Traduction'],
  editorPrefixes: ['Édité par', 'Rédaction', 'Édition', 'Avec la rédaction'],
  citedSourcesHeadings: ['Sources', 'Références', 'Bibliographie', 'Pour aller plus loin', 'Notes'],
  captionCreditWords: ['Photo', 'Photos', 'Crédit', 'Crédits', 'Crédit photo', 'Image', 'Illustration', 'Infographie', 'Vidéo', 'Capture d\'écran', 'Archives'],
  boilerplateLines: [
    /^commentaires?\s*\(\d+\)$/i,
    /^\d+\s+commentaires?$/i,
    /^(aucun|pas de) commentaires?\.?$/i,
    /^(laisser|écrire|ajouter|voir|afficher|lire) (un|les|des|tous les)? ?commentaires?\b.*$/i,
    /^(lire|voir) (aussi|également|plus|la suite)\b.*$/i,
    /^(à lire|à voir) (aussi|également)\b.*$/i,
    /^(articles?|sujets?|contenus?|actualités?) (similaires|associés|liés|recommandés|populaires|les plus lus)\b.{0,40}$/i,
    /^(sur le même sujet|dans la même rubrique|les plus lus|les plus partagés|à la une|vous aimerez aussi|vous pourriez aussi aimer|ça peut vous intéresser)\s*:?$/i,
    /^(partager|partagez|partager cet article|partager sur .{1,20})\s*:?$/i,
    /^(mots-clés|mots clés|tags?|thèmes?|catégories?|rubriques?)\s*:.*$/i,
    /^(suivez|rejoignez)-(nous|nous sur)\b.*$/i,
    /^(inscrivez-vous|abonnez-vous)\b.*(newsletter|lettre)\b.*$/i,
    /^(©|copyright|\(c\)|tous droits réservés).*$/i,
    /^page\s*\d+\s*(sur|\/)\s*\d+$/i,
    /^(suivant|précédent|retour en haut|voir plus|voir tout|lire la suite|en savoir plus)\s*[»›>]*$/i,
    /^(publicité|sponsorisé|contenu sponsorisé|annonce)\.?$/i,
    /^(se connecter|connexion|s'inscrire|inscription|s'abonner)$/i,
    /^(imprimer|envoyer par e-?mail|envoyer à un ami)$/i,
  ],
  relatedHeadings: [
    'Lire aussi', 'À lire aussi', 'Voir aussi', 'À voir aussi', 'Sur le même sujet', 'Dans la même rubrique', 'Articles similaires',
    'Articles associés', 'Articles liés', 'Les plus lus', 'Les plus partagés', 'À la une', 'Vous aimerez aussi', 'Sur le même thème',
  ],
  months: [
    ['janvier', 'janv', 'jan'], ['février', 'fevrier', 'févr', 'fév', 'fevr'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
    ['juillet', 'juil'], ['août', 'aout'], ['septembre', 'sept', 'sep'], ['octobre', 'oct'], ['novembre', 'nov'], ['décembre', 'decembre', 'déc', 'dec'],
  ],
  numericDateOrder: 'dmy',
  updatedWords: ['mis à jour', 'mise à jour', 'modifié', 'actualisé', 'màj'],
  nameListConjunctions: ['et'],
  nameParticles: ['de', 'le', 'la', 'du'],
};

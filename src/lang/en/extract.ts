import type { ExtractLangData } from '../types.ts';

// English news-page lexicon (wire services, US/UK/Asian English-language outlets).
// Patterns match whole trimmed lines.
export const extract: ExtractLangData = {
  sourcePrefixes: [
    'Source', 'Sources', 'Original source', 'Original article', 'Original story', 'Read the original',
    'Read the original article', 'Originally published at', 'Originally published in', 'Originally published on',
    'Republished from', 'Via', 'Link',
  ],
  bylinePrefixes: [
    'By', 'Written by', 'Words by', 'Story by', 'Author', 'Authors', 'Reporter', 'Reporting by',
    'Additional reporting by', 'Reported by', 'Correspondent', 'Translated by', 'Text by',
  ],
  editorPrefixes: ['Editor', 'Edited by', 'Editing by', 'Editor\'s note by', 'Sub-editor', 'Copy editor', 'Writing by', 'Compiled by'],
  citedSourcesHeadings: ['Sources', 'References', 'Source list', 'Further reading', 'Bibliography', 'Sources and references'],
  captionCreditWords: [
    'Photo', 'Photos', 'Photograph', 'Photo credit', 'Image', 'Image credit', 'Picture', 'Pictures', 'Credit',
    'Illustration', 'Graphic', 'Graphics', 'File photo', 'Video', 'Screenshot', 'Screengrab', 'Photo courtesy of', 'Courtesy',
  ],
  boilerplateLines: [
    /^comments?\s*\(\d+\)$/i,
    /^\d+\s+comments?$/i,
    /^(no|view|show|load|read|add|leave|post|write) (a |all |more )?(comments?|replies)\.?$/i,
    /^no data\.?$/i,
    /^(did you|have you) (find|found|spot|spotted|notice|noticed) (an? )?(error|mistake|typo|inaccuracy)\b.*\?$/i,
    /^we will (consider|review) your (comments?|feedback|report)\b.*$/i,
    /^(report|submit) (an? )?(error|typo|correction|mistake|ad|issue)\b.*$/i,
    /^(read|see) (also|more|next|the full story|full article)\b.*$/i,
    /^(related|recommended|more|popular|latest|trending|top) (stories|articles|news|posts|coverage|reads|videos|topics|content)\b.*$/i,
    /^(related|recommended|trending|popular|most read|most popular|latest|editor's picks|you may also like|more from .{1,40}|up next|don't miss)$/i,
    /^(in|from) (the same|this) (topic|category|section|series|author)$/i,
    /^(share|share this|share this (article|story|post|page)|share on .{1,20})( via)?:?$/i,
    /^(tags?|topics?|keywords|filed under|categories)\s*:.*$/i,
    /^(follow|join) (us|our)\b.*$/i,
    /^(sign up|subscribe|get) (for|to) (our|the)\b.*(newsletter|updates|alerts|digest)\b.*$/i,
    /^(click|tap) here\b.*$/i,
    /^(copyright|©|\(c\)).*$/i,
    /^all rights reserved\.?.*$/i,
    /^page\s*\d+\s*(of|\/)\s*\d+$/i,
    /^(next|previous|prev|back to top|load more|show more|view all|see all|read more|continue reading)\s*[»›>]*$/i,
    /^(advertisement|sponsored( content)?|ad|story continues below( advertisement)?|scroll to continue( with content)?)\.?$/i,
    /^(sign in|log in|register|subscribe)( \/ (register|sign up|log in))?$/i,
    /^(this|the) (article|story) (was|has been) (updated|amended|corrected)\b.*$/i,
    /^(please )?(enable|turn on) javascript\b.*$/i,
    /^comments (are|were) closed\.?$/i,
    /^\d+\s+min(ute)?s?\s+read$/i,
    /^(explore further|like this:?|loading\.{0,3}|like loading\.{0,3})$/i,
  ],
  relatedHeadings: [
    'Read also', 'Read more', 'See also', 'Related', 'Related stories', 'Related articles', 'Related news',
    'Related coverage', 'Recommended', 'More stories', 'More from', 'Most read', 'Most popular', 'Trending',
    'Latest news', 'Latest', "Editor's picks", 'You may also like', 'Up next', "Don't miss", 'In the same topic',
    'In the same category', 'From the same author', 'Top stories',
  ],
  months: [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'],
    ['december', 'dec'],
  ],
  numericDateOrder: 'mdy',
  updatedWords: ['updated', 'last updated', 'modified', 'last modified', 'revised', 'edited'],
  nameListConjunctions: ['and'],
};

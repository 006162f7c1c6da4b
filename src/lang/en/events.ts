// English event lexicon for the PLOVER coder (src/events/): verbs and nominalisations per category and mode,
// negation/modality/reported-speech cues, agreement kinds and fields. General resources (PLOVER/CAMEO verb classes).
import type { EventLexicon, TriggerEntry } from '../../events/lexicon.ts';

const T = (t: TriggerEntry['t'], list: Array<string | [string, Partial<TriggerEntry>]>, common: Partial<TriggerEntry> = {}): TriggerEntry[] =>
  list.map((x) => (typeof x === 'string' ? { p: x, t, ...common } : { p: x[0], t, ...common, ...x[1] }));

const triggers: TriggerEntry[] = [
  // AGREE: agree, promise, offer, pledge, commit; frames a complement
  ...T('AGREE', [
    'agree|agrees|agreed|agreeing', 'promise|promises|promised|promising', 'pledge|pledges|pledged|pledging',
    'offer|offers|offered|offering', 'vow|vows|vowed', 'commit|commits|committed', 'is|are|was|were willing|ready|prepared to',
    'undertake|undertook|undertakes to', 'accept|accepts|accepted mediation|proposal|offer|plan|invitation',
    'express|expressed|expresses ... intention|readiness|willingness', 'reach|reached|reaches ... agreement|deal|accord|consensus',
    'strike|struck ... deal', 'sworn|swore to',
  ], { frame: true }),
  ...T('AGREE', [['agreement|accord|deal|pact|consensus', { noun: true, frame: false }], ['promise|pledge|commitment', { noun: true, frame: false }]]),
  // CONSULT
  ...T('CONSULT', [
    'visit|visits|visited|visiting', 'travel|travels|travelled|traveled|travelling|traveling to', 'arrive|arrives|arrived|arriving in|at',
    'fly|flies|flew to', 'return|returned|returns|returning to', 'tour|toured|touring', 'pay|paid|pays ... visit', 'make|made|makes ... visit', 'land|landed in',
  ], { mode: 'visit', context: 'diplomatic' }),
  ...T('CONSULT', [['visit|trip|tour', { noun: true }], ['state|official|working visit', { noun: true }]], { mode: 'visit', context: 'diplomatic' }),
  ...T('CONSULT', ['host|hosts|hosted|hosting', 'welcome|welcomed|welcomes|welcoming', 'receive|received|receives|receiving', 'greet|greeted|greets'], {
    mode: 'visit', context: 'diplomatic', host: true,
  }),
  ...T('CONSULT', ['phone|phoned|call|called|calls|calling', 'telephone|telephoned', 'phone|telephone call|conversation|talks', 'spoke|speak|speaks|talked by phone|telephone'], {
    mode: 'phone', context: 'diplomatic', sym: true,
  }),
  ...T('CONSULT', [
    'meet|meets|met|meeting with', 'meet|meets|met', 'hold|holds|held ... talks|meeting|discussions|consultations|negotiations',
    'talk|talks|talked with', 'discuss|discusses|discussed', 'consult|consults|consulted', 'negotiat*', 'confer|conferred',
    ['talk|talks|meeting|meetings|discussions|consultations|dialogue|summit|negotiations', { noun: true }], 'mediat*', 'broker|brokered',
  ], { sym: true, context: 'diplomatic' }),
  ...T('CONSULT', ['attend|attends|attended|attending', 'summit|conference|forum|assembly', 'participat*', 'took|take|takes|taking part'], {
    mode: 'multilateral', context: 'diplomatic',
  }),
  ...T('CONSULT', ['return|returned|returns home', 'wrap|wrapped|wraps up ... visit|trip|tour', 'conclude|concluded|concludes|end|ended|ends ... visit|trip|tour', 'left|leaves ... for home'], { mode: 'visit-end', context: 'diplomatic' }),
  // SUPPORT
  ...T('SUPPORT', [
    'ratify|ratified|ratifies', 'endorse|endorses|endorsed', 'praise|praised|praises|praising', 'hail|hailed|hails',
    'commend|commended', 'applaud|applauded', 'support|supports|supported|supporting', 'back|backs|backed|backing', 'defend|defends|defended',
    'apologi*', 'forgive|forgave|forgiven', 'recogni*', 'upgrade|upgraded ... ties|relations', 'establish|established ... ties|relations', 'ties|relations ... were|was|had_been|have_been established|restored|normalised|normalized',
    'restore|restored|resume|resumed ... ties|relations', 'congratulat*', 'thank|thanked', 'express|expressed ... support|appreciation|gratitude|solidarity',
    ['ratification|endorsement|praise|apology', { noun: true }], 'welcome|welcomed|welcomes ... decision|move|statement|proposal|agreement|plan|deal|resolution',
  ], { context: 'diplomatic' }),
  // signing a formal agreement (CAMEO 057, PLOVER SUPPORT): a mode of its own, so a signing is not merged with praise
  ...T('SUPPORT', ['sign|signs|signed', 'ink|inked', ['signing', { noun: true }]], { mode: 'sign', context: 'diplomatic' }),
  // COOPERATE
  ...T('COOPERATE', [
    'cooperat*', 'co-operat*', 'collaborat*', 'share|shared|shares|sharing ... intelligence|information|expertise|data',
    'extradit*', 'joint exercise|exercises|patrol|patrols|operation|operations', 'partner|partnered with', 'coordinat*', 'exchange|exchanged ... information|intelligence',
    ['cooperation|partnership|collaboration', { noun: true }], 'invest|invests|invested|investing', 'trade|traded with',
  ]),
  // AID
  ...T('AID', [
    'donate|donated|donates|donating', 'give|gives|gave|given', 'aid|aided', 'assist|assisted|assists', 'provide|provided|provides|providing', 'grant|granted|grants', 'deliver|delivered|delivers',
    'hand|handed|hands over', 'send|sent|sends ... aid|arms|weapons|troops|supplies|food|medicine|help|relief|assistance',
    'evacuat*', 'rescue|rescued', 'fund|funded|funds', 'lend|lent|loan|loaned', 'supply|supplied|supplies',
    ['aid|assistance|donation|grant|relief|asylum|loan', { noun: true }],
  ]),
  // CONCEDE
  ...T('CONCEDE', [
    'concede|conceded|concedes', 'yield|yielded', 'give|gave|given in', 'back|backed down', 'lift|lifted|lifts ... ban|curfew|restrictions|restriction|sanctions|embargo|state',
    'ease|eased|eases ... restrictions|measures|curfew|sanctions|ban', 'cancel|cancelled|canceled ... restrictions|ban', 'call|called|calls off',
    'accede|acceded', 'comply|complied', 'relent|relented', 'allow|allowed|allows', 'legalis*', 'legaliz*', 'pardon|pardoned', 'amnesty',
    'approve|approved|approves',
  ]),
  // RETREAT
  ...T('RETREAT', [
    'withdraw|withdrew|withdrawn|withdraws|withdrawing', 'pull|pulled|pulls out|back', 'retreat|retreated', 'surrender|surrendered', 'release|released|releases|freed|free|frees',
    'return|returned|returns', 'demobili*', 'disarm*', ['ceasefire|cease-fire|truce', { noun: true }], 'declare|declared|announced ... ceasefire|cease-fire|truce', 'resign|resigned|resigns', 'step|stepped|steps down',
    'evacuate|evacuated ... troops|forces', 'compensat*', 'pay|paid ... compensation',
    ['withdrawal|release|retreat|resignation|demobilization|disarmament', { noun: true }],
  ]),
  // REQUEST
  ...T('REQUEST', [
    'demand|demands|demanded|demanding', 'call|calls|called|calling for|on|upon', 'urge|urges|urged|urging', 'ask|asks|asked|asking', 'request|requests|requested',
    'appeal|appealed|appeals', 'insist|insisted|insists', 'order|ordered|orders', 'press|pressed|pressing', 'plead|pleaded|pled', 'seek|seeks|sought',
    ['must', { deontic: true }], 'petition*', 'invite|invited|invites', ['demand|request|appeal|plea|ultimatum', { noun: true, frame: false }],
  ], { frame: true }),
  // ACCUSE (incl. disapprove, investigate)
  ...T('ACCUSE', [
    'accus*', 'blame|blamed|blames', 'criticis*', 'criticiz*', 'condemn*', 'denounc*', 'deplor*', 'charge|charged|charges', 'allege|alleged|alleges',
    'complain*', 'protest|protested against', 'sue|sued|sues', 'convict|convicted', 'guilty', 'indict*', 'rebuk*', 'slam|slammed', 'lambast*', 'decr*',
    'disapprov*', 'object|objected to', 'warn|warned|warns', ['criticism|condemnation|accusation|complaint|lawsuit', { noun: true }],
  ], { mode: 'disapprove' }),
  ...T('ACCUSE', ['investigat*', 'probe|probed|probes|probing', 'inquir*', 'inspect|inspected', 'dispatch|dispatched inspectors|investigators', 'look|looked into', 'examine|examined'], { mode: 'investigate' }),
  // REJECT
  ...T('REJECT', [
    'reject|rejects|rejected|rejecting', 'refuse|refuses|refused|refusing', 'decline|declined|declines', 'dismiss|dismissed|dismisses', 'deny|denies|denied ... request|entry|access|visa',
    'veto|vetoed|vetoes', 'oppose|opposed|opposes', 'defy|defied|defies', 'violat*', 'breach|breached', 'boycott|boycotted', 'snub|snubbed', 'rebuff|rebuffed',
    'turn|turned|turns down', 'resist|resisted', 'ignore|ignored', 'fail|failed|fails to', 'renege|reneged|reneges', 'back|backed out', 'walk|walked away from', ['rejection|refusal|veto', { noun: true }],
  ], { frame: true }),
  // THREATEN
  ...T('THREATEN', [
    'threat*', 'warn|warned|warns of', 'ultimatum', 'vow|vowed|vows to retaliate', 'menac*', 'intimidat*',
  ], { frame: true }),
  // PROTEST
  ...T('PROTEST', [
    'protest|protests|protested|protesting', 'demonstrat*', 'rally|rallied|rallies', 'march|marched|marches', 'riot*', 'strike|strikes|striking', 'on strike',
    'hunger strike', 'general strike', 'walkout', 'walk|walked|walks out', 'block|blocked|blocks ... road|roads|streets|street|highway', 'blockade*', 'sit-in', 'picket*',
    'throw|throwing|threw stones|rocks', 'boycott', 'collect|collecting|collected signatures', 'petition', 'sit|sat in'
  ]),
  // MOBILIZE
  ...T('MOBILIZE', [
    'mobili*', 'deploy|deployed|deploys|deploying', 'mass|massed|massing troops|forces', 'put|placed ... on alert', ['alert', { noun: true }], 'reinforc*', ['patrol|patrols', { noun: true }],
    'military exercise|exercises|drill|drills', 'test|tested|fired ... missile|missiles', 'build|built up', 'prepare|prepared|prepares to', 'send|sent|sends ... troops|warships|forces',
  ]),
  // SANCTION
  ...T('SANCTION', [
    'sanction|sanctions|sanctioned', 'suspend|suspended|suspends', 'expel|expelled|expels', 'cut|cuts ... ties|aid|relations', 'sever|severed ... ties|relations',
    'break|broke|broken ... relations|ties', 'recall|recalled ... ambassador|envoy', 'halt|halted|halts', 'freeze|froze|frozen', 'embargo', 'downgrad*', 'cancel|cancelled|canceled',
    'terminate|terminated', 'withdraw|withdrew ... ambassador|envoy|recognition', 'close|closed ... embassy|consulate', 'impose|imposed|imposes ... sanctions|embargo',
    ['suspension|expulsion', { noun: true }],
  ]),
  // COERCE
  ...T('COERCE', [['arrest*', { mode: 'arrest' }], ['detain*', { mode: 'detain' }], ['kidnap*', { mode: 'detain' }], ['abduct*', { mode: 'detain' }], ['hold|holding|held ... hostage|prisoner|captive', { mode: 'detain' }],
    ['jail|jailed|imprison*', { mode: 'arrest' }], ['seiz*', { mode: 'confiscate' }], ['confiscat*', { mode: 'confiscate' }], ['hack|hacked|hacking', { mode: 'confiscate' }],
    ['demolish*', { mode: 'destroy' }], ['destroy|destroyed|destroys', { mode: 'destroy' }], ['blew|blow|blown up', { mode: 'destroy' }], ['bulldoz*', { mode: 'destroy' }],
    ['curfew', { mode: 'curfew' }], ['impose|imposed|imposes ... curfew', { mode: 'curfew' }], ['censor*', { mode: 'censor' }], ['ban|banned|bans', { mode: 'ban' }],
    ['deport*', { mode: 'deport' }], ['prevent|prevented|prevents', { mode: 'restrict' }], ['restrict*', { mode: 'restrict' }], ['martial law', { mode: 'martial-law' }],
    ['state of emergency', { mode: 'martial-law' }], ['occupy|occupied', { mode: 'confiscate' }], ['suspend publication', { mode: 'censor' }], ['crack|cracked down', { mode: 'restrict' }],
    ['human shield|shields', { mode: 'detain' }],
  ]),
  // ASSAULT (incl. fight)
  ...T('ASSAULT', [['attack|attacked|attacks|attacking', {}], ['kill|killed|kills|killing', {}], ['bomb|bombed|bombing|bombings', { mode: 'explosives' }],
    ['explod*', { mode: 'explosives' }], ['blast', { mode: 'explosives' }], ['suicide ... bomb*|attack', { mode: 'suicide-attack' }], ['assassinat*', { mode: 'assassinate' }],
    ['torture*', { mode: 'torture' }], ['beat|beaten|beating up', { mode: 'beat' }], ['beat up', { mode: 'beat' }], ['shell|shelled|shelling', { mode: 'heavy-weapons' }], ['artillery|mortar|mortars|rocket|rockets|missile|missiles|airstrike|airstrikes|air_strike|air_strikes', { mode: 'heavy-weapons' }],
    ['open|opened|opens fire', { mode: 'firearms' }], ['fired ... at|on|shots|rockets|missiles|shells', { mode: 'firearms' }], ['shoot|shot|shooting', { mode: 'firearms' }], ['gunbattle|gunfight|clash|clashed|clashes|fight|fought|fighting|battle|battled', {}],
    ['wound|wounded|injure|injured', {}], ['raid|raided|raids', {}], ['invade|invaded|invasion', {}], ['capture|captured', { mode: 'heavy-weapons' }], ['massacr*', {}], ['ethnic cleansing', {}],
    ['machete|machetes', { mode: 'primitive' }], ['tear gas', { mode: 'primitive' }], ['disperse|dispersed', {}], ['stab|stabbed', { mode: 'primitive' }], ['rape|raped', { mode: 'sexual' }],
    ['hijack*', { mode: 'abduct' }], ['ambush*', {}], ['offensive', {}], ['struck', { mode: 'heavy-weapons' }], ['air|missile|drone strike|strikes', { mode: 'heavy-weapons' }],
  ], { context: 'military' }),
];

export const events: EventLexicon = {
  code: 'en',
  triggers,
  negation: ['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'cannot', "didn't", "won't", "wouldn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't"],
  denial: ['deny|denies|denied|denying', 'reject|rejected|rejects ... reports|claims|allegations', 'dismiss|dismissed ... reports|claims'],
  future: ['will', "'ll", 'shall', 'would', 'to be', 'is|are due to', 'is|are set to', 'is|are going to', 'is|are expected to', 'is|are to', 'upcoming', 'next', 'later this'],
  planned: ['plan|plans|planned|planning to', 'intend|intends|intended to', 'scheduled to', 'aim|aims|aimed to', 'hope|hopes to', 'seek|seeks to', 'want|wants to', 'propose|proposed|proposes to', 'preparing to'],
  hypothetical: ['if', 'unless', 'could', 'might', 'may', 'should', 'whether', 'possible', 'possibly', 'would'],
  reported: ['reportedly', 'allegedly', 'purportedly', 'rumoured', 'rumored', 'is|are|was|were said to', 'is|are|was|were reported to', 'is|are|was|were believed to'],
  sayVerbs: ['said', 'says', 'say', 'told', 'tells', 'added', 'stated', 'states', 'announced', 'announces', 'declared', 'explained', 'noted', 'stressed', 'emphasised', 'emphasized', 'remarked', 'insisted', 'claimed', 'claims', 'asserted', 'affirmed', 'confirmed', 'revealed', 'wrote', 'reported', 'argued', 'commented', 'replied', 'answered', 'recalled', 'acknowledged', 'admitted', 'underlined', 'underscored', 'highlighted', 'mentioned', 'according to'],
  sourcePreps: ['according to', 'quoting', 'cited by', 'citing'],
  complementizers: ['that'],
  afterSayWords: ['on', 'today', 'yesterday'],
  // honours, salutes, fireworks, parades, guards of honour, wreath-laying
  ceremony: ['salute|salutes|saluted', 'firework|fireworks', 'parade|parades|paraded|parading', 'march-past|flypast|fly-past', 'guard|guards of honour|honor', 'honour|honor guard|guards',
    'military|full honours|honors', 'wreath|wreaths', 'wreath-laying', 'moment|minute of silence', "minute's silence"],
  cognitive: ['remember|remembers|remembered|remembering', 'recall|recalls|recalled|recalling', 'recollect*', 'cherish|cherishes|cherished', 'treasure|treasures|treasured', 'value|values|valued', 'forget|forgets|forgot|forgotten', 'reflect|reflects|reflected on', 'realise|realised|realize|realized', 'appreciate|appreciates|appreciated'],
  relativizers: ['that', 'which', 'was', 'were', 'is', 'are', 'been', 'being', 'has', 'have', 'had', 'be', 'will', 'would', 'just'],
  background: ['established', 'founded', 'began', 'last', 'previous', 'previously', 'earlier', 'former', 'ago', 'since', 'first', 'history', 'historic', 'historical', 'dating back', 'at the time', 'back in', 'in the past', 'once', 'decades', 'anniversary'],
  passive: ['is', 'are', 'was', 'were', 'been', 'be', 'being', 'got', 'get'],
  agentPreps: ['by'],
  recipientPreps: ['with', 'to', 'against', 'on', 'upon', 'from', 'toward', 'towards', 'for', 'between'],
  placePreps: ['in', 'at', 'near', 'inside', 'outside'],
  destinationPreps: ['to', 'in'],
  actorDeterminers: ['the', 'a', 'an', 'its', 'his', 'her', 'their'],
  genitives: ['of'],
  nameLinkers: ['of', 'for', "'s"],
  spanBoundaries: ['between', 'which', 'that', 'by', 'with', 'signed', 'was', 'were', 'is', 'are', 'will', 'on'],
  and: ['and', '&', 'as well as'],
  pronouns: ['he', 'she', 'they', 'it', 'we', 'i'],
  contexts: {
    diplomatic: ['diplomat*', 'embass*', 'ambassador*', 'minister*', 'summit', 'bilateral', 'relations', 'ties', 'foreign', 'envoy*', 'state visit', 'talks'],
    economic: ['econom*', 'trade', 'trading', 'investment*', 'tariff*', 'market*', 'financ*', 'bank*', 'loan*', 'export*', 'import*', 'business*', 'grant', 'budget', 'currency', 'debt'],
    military: ['militar*', 'army', 'troops', 'soldier*', 'defen*', 'weapon*', 'navy', 'air force', 'missile*', 'forces', 'armed', 'war', 'artillery', 'rebel*', 'militia*'],
    political: ['politic*', 'party', 'parties', 'parliament*', 'opposition', 'government', 'congress', 'communist'],
    election: ['election*', 'vote*', 'voting', 'ballot*', 'polls', 'candidate*'],
    legal: ['court*', 'judge*', 'law', 'legal', 'trial', 'prosecut*', 'lawsuit', 'justice', 'crime*', 'criminal'],
    health: ['health', 'hospital*', 'medic*', 'vaccin*', 'disease*', 'pandemic', 'epidemic', 'doctor*'],
    media: ['media', 'press', 'newspaper*', 'journalis*', 'broadcast*', 'television', 'radio', 'news agency'],
    cultural: ['cultur*', 'art', 'arts', 'heritage', 'museum*', 'film*', 'music'],
    education: ['educat*', 'school*', 'universit*', 'student*', 'scholarship*'],
    humanitarian: ['humanitarian', 'refugee*', 'relief', 'food aid', 'displaced'],
    terrorism: ['terror*', 'militant*', 'extremis*', 'insurgen*'],
    rights: ['human rights', 'rights', 'freedom*'],
    resource: ['oil', 'gas', 'water', 'energy', 'mining', 'fisher*'],
    cbrn: ['nuclear', 'chemical weapon*', 'biological weapon*', 'uranium', 'radioactive'],
    cyber: ['cyber*', 'hack*', 'computer*', 'internet'],
    religion: ['religio*', 'church*', 'mosque*', 'islam*', 'christian*', 'buddhis*', 'sharia'],
  },
  agreementKinds: {
    'memorandum of understanding': ['memorandum of understanding', 'memoranda of understanding', 'mou', 'mous', 'memorandum', 'memoranda', 'memorandum of cooperation', 'memorandum of agreement'],
    'letter of intent': ['letter of intent', 'letters of intent', 'loi'],
    protocol: ['protocol', 'protocols'],
    minutes: ['minutes', 'agreed minutes', 'record of discussion', 'record of discussions'],
    'joint statement': ['joint statement', 'joint declaration', 'joint communique', 'joint communiqué', 'declaration', 'communique', 'communiqué'],
    treaty: ['treaty', 'treaties', 'convention', 'pact', 'charter'],
    contract: ['contract', 'contracts', 'purchase agreement', 'deal'],
    agreement: ['agreement', 'agreements', 'accord', 'accords', 'arrangement', 'arrangements', 'framework agreement', 'plan of action', 'action plan', 'programme', 'program'],
  },
  agreementFields: {
    defence: ['defence', 'defense', 'military', 'security', 'arms', 'weapons'],
    health: ['health', 'medical', 'medicine', 'medical science', 'pharmaceutical', 'vaccine', 'hospital'],
    trade: ['trade', 'commerce', 'commercial', 'tariff', 'customs', 'export', 'import'],
    economy: ['economic', 'economy', 'investment', 'finance', 'financial', 'banking', 'tax', 'taxation'],
    media: ['media', 'press', 'news', 'information', 'communication', 'communications', 'broadcasting', 'journalism'],
    education: ['education', 'educational', 'training', 'university', 'universities', 'school', 'scholarship', 'academic'],
    culture: ['culture', 'cultural', 'arts', 'heritage', 'sport', 'sports', 'tourism'],
    science: ['science', 'scientific', 'technology', 'research', 'innovation', 'digital'],
    energy: ['energy', 'oil', 'gas', 'electricity', 'power', 'nuclear', 'mining', 'minerals'],
    agriculture: ['agriculture', 'agricultural', 'farming', 'fisheries', 'fishery', 'fishing', 'aquaculture', 'forestry', 'food', 'rice', 'livestock'],
    transport: ['transport', 'transportation', 'aviation', 'shipping', 'maritime', 'railway', 'infrastructure'],
    justice: ['legal', 'judicial', 'justice', 'extradition', 'crime', 'police', 'law enforcement'],
    labour: ['labour', 'labor', 'employment', 'workers', 'migrant'],
    environment: ['environment', 'environmental', 'climate', 'water'],
    diplomacy: ['diplomatic', 'visa', 'consular', 'friendship', 'partnership', 'relations'],
  },
  fieldNouns: ['field', 'fields', 'area', 'areas', 'sector', 'sectors', 'domain', 'domains'],
  documentNouns: ['documents', 'agreements', 'deals', 'memoranda', 'mous', 'accords', 'instruments', 'treaties', 'contracts', 'protocols', 'pacts'],
  numbers: [['one', 'a'], ['two'], ['three'], ['four'], ['five'], ['six'], ['seven'], ['eight'], ['nine'], ['ten'], ['eleven'], ['twelve'], ['thirteen'], ['fourteen'], ['fifteen'], ['sixteen'], ['seventeen'], ['eighteen'], ['nineteen'], ['twenty']],
  titleLinks: ['on', 'of', 'for', 'about', 'concerning', 'regarding', 'in', 'between', 'the', 'field', 'fields', 'and', 'cooperation', 'to'],
  titleModifiers: ['cooperation', 'joint', 'bilateral', 'free', 'peace', 'friendship', 'framework', 'partnership', 'strategic', 'comprehensive'],
  subjectLinks: ['on'],
  subjectOpeners: ['the', 'cooperation', 'mutual'],
  betweenWords: ['between', 'among'],
  bothSides: ['both countries', 'both sides', 'both parties', 'both nations', 'both governments', 'the two countries', 'the two sides', 'the two nations', 'the two governments', 'both leaders', 'the two leaders', 'both delegations', 'the two delegations', 'both heads of state', 'both ministers', 'the two ministers'],
  clauseOpeners: ['and', 'but', 'while', 'whereas', 'then', 'so'],
  anaphorsBefore: ['this', 'these', 'those'],
  questionLabels: ['q', 'question', 'interviewer'],
  answerLabels: ['a', 'answer'],
  conditional: ['if', 'unless', 'until', 'provided'],
  determiners: ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that'],
  actorNouns: ['prime minister', 'foreign minister', 'defence minister', 'defense minister', 'foreign secretary', 'secretary of state', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'chancellor', 'king', 'queen', 'emir', 'embassy', 'navy', 'air force', 'coast guard', 'government', 'governments', 'forces', 'force', 'troops', 'army', 'police', 'military', 'navy', 'rebels', 'rebel', 'leaders', 'leader', 'officials', 'official', 'authorities', 'soldiers', 'militia', 'militiamen', 'guerrillas', 'guerrilla', 'party', 'parliament', 'delegation', 'side', 'sides', 'people', 'demonstrators', 'protesters', 'activists', 'workers', 'students', 'militants', 'diplomats', 'negotiators', 'ministry', 'court', 'judge', 'president', 'minister', 'groups', 'group', 'authority', 'regime', 'administration', 'nationals', 'citizens', 'refugees', 'civilians', 'farmers', 'youths', 'doctors', 'officers'],
  actorNounsBefore: false,
  stemExclude: /(?:ors?|ers?|ists?)$/,
  interviewCues: ['interview with', 'interviewed', 'spoke to', 'talked to', 'in an interview'],
};

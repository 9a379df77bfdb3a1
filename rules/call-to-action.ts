import { defineRule, docsUrl, fold, compilePhrases, splitSentences, extractUrls } from '../src/rule-api/index.js';

export interface Options {
  asks: string[];
}

// Phrases that ask the recipient for something wherever they stand. A question mark or a link
// anywhere also counts. Single verbs ("reply", "book", "shop") are nouns too often ("a repair
// shop", "the book swap"): they count only as imperatives, at the start of a clause (below).
const ASKS: Record<string, readonly string[]> = {
  en: [
    'let me know', 'let us know', 'write back', 'get back to me', 'pick a time', 'grab a time', 'grab a slot',
    'reply to this', 'reply here', 'book a', 'book an', 'book your', 'book one', 'book now', 'book here',
    'sign up', 'join us', 'call me', 'give me a call', 'drop me a line', 'send me', 'email me', 'dm me', 'dm us',
    'message me', 'message us', 'text me', 'feel free to', 'reach out', 'check out', 'check it out', 'try it', 'see how',
    'happy to send', 'happy to share', 'happy to chat', 'happy to show', 'happy to walk', 'shall i', 'would you', 'could you',
    'can i', 'could i', 'want me to', 'interested', 'rsvp', 'use the code', 'use code', 'with code', 'get yours', 'grab yours',
    "here is the link", "here's the link", 'link below', 'use the link', 'if you can spare', "if you'd like", 'if you would like',
    'if you want', "if you're curious", 'if you are curious', 'looking forward to hearing', 'hear from you', "i'd love to connect",
    'love to chat', 'love to hear', 'to see whether', 'to see if', 'details in', "don't miss", 'do not miss', 'come by',
    'drop in', 'stop by', 'pop in', 'just ask', 'just shout', 'to enter', 'if useful', 'if it helps', 'if that helps',
    'would be great to', 'would be good to', "if you're around", 'if you are around', 'if you fancy',
  ],
  fr: [
    'dites moi', 'dis moi', 'faites moi savoir', 'fais moi signe', 'faites moi signe', 'repondez', 'reponds', 'repondre a ce',
    'ecrivez moi', 'ecris moi', 'ecrivez nous', 'ecris nous', 'appelez moi', 'appelle moi', 'appelez nous', 'contactez nous',
    'envoyez nous', 'inscrivez vous', 'inscris toi', "n'hesitez pas", "n'hesite pas", 'contactez moi', 'contacte moi', 'voulez vous',
    'veux tu', 'si tu veux', 'quand tu veux', 'quand vous voulez', 'seriez vous', 'pourriez vous', 'souhaitez vous', 'accepteriez vous', 'ca vous dit', 'ca te dit',
    'ca te dirait', 'au plaisir', 'je vous envoie', "je t'envoie", "je te l'envoie", 'je peux vous', 'je peux t', 'voici le lien',
    'lien ci dessous', 'abonnez vous', 'si vous voulez', 'si tu veux', 'si vous souhaitez', 'si vous en voulez', 'si vous etes curieux',
    'si vous avez une heure', 'pour savoir si', "merci de m'envoyer", "merci de m'ecrire", 'merci de me', 'si vous etes interesse', "j'aimerais beaucoup echanger",
    "j'aimerais echanger", 'details dans', 'ne ratez pas', 'ne manquez pas', 'ne les ratez pas', 'pour participer',
    'demande moi', 'demandez moi', 'fais moi', 'faites moi', "je peux t'", 'je peux te', 'si ca t\'aide', 'si ca vous aide',
    "si c'est utile", 'ce serait sympa de', 'ce serait bien de', 'si tu es dans le coin', 'si vous etes dans le coin',
    'dites le nous', 'dites le moi', 'dis le nous', 'dis le moi',
  ],
};

// Verbs that ask when they open a clause, as an imperative does ("Reply YES", "Shop here",
// "just ask"). French second-person plural imperatives (-ez) are recognised by their ending.
const IMPERATIVES: Record<string, readonly string[]> = {
  en: [
    'reply', 'book', 'schedule', 'click', 'tap', 'register', 'join', 'call', 'visit', 'download', 'try', 'buy', 'order', 'shop',
    'subscribe', 'claim', 'apply', 'renew', 'upgrade', 'comment', 'enter', 'come', 'treat', 'hurry', 'use', 'show', 'grab',
    'get', 'take', 'tell', 'ask', 'message', 'email', 'text', 'dm', 'send', 'read', 'watch', 'listen', 'vote', 'rsvp',
    'contact', 'save', 'start', 'pick', 'choose', 'fill', 'share', 'shout', 'check', 'explore', 'discover', 'learn',
    'find', 'follow', 'swing', 'drop', 'head', 'go', 'act', 'sign', 'reserve', 'secure', 'pre-order', 'preorder', 'bring',
  ],
  fr: [
    'reponds', 'ecris', 'clique', 'reserve', 'viens', 'passe', 'jette', 'commente', 'demande', 'dis', 'fais', 'inscris',
    'profite', 'essaie', 'decouvre', 'regarde', 'contacte', 'appelle', 'rejoins', 'envoie', 'telecharge', 'abonne', 'achete',
    'commande', 'utilise', 'montre', 'foncez', 'fonce', 'candidate', 'lis', 'ecoute', 'vote', 'partage', 'choisis', 'remplis',
  ],
};

// Words that may stand before an imperative without changing it ("just reply", "and book").
const FILLER = new Set([
  'just', 'please', 'simply', 'so', 'then', 'now', 'and', 'or', 'but', 'also', 'pls', 'go', 'ahead', 'quickly',
  'et', 'puis', 'alors', 'donc', 'mais', 'ou', 'svp', 'stp', 'vite', 'maintenant', 'surtout',
]);
// Words ending in -ez that are not imperatives.
const NOT_IMPERATIVE_EZ = new Set(['chez', 'assez', 'nez', 'rez', 'fez', 'suez', 'jerez']);
const CLAUSE = /[^.!?;:,()\n\u2014\u2013]+/g;
// Openings that look like imperatives but ask nothing: sign-offs and letter formulas.
const SIGN_OFFS = /^(?:see you|take care|find (?:below|attached|enclosed)|allow me to|veuillez trouver|permettez moi|a bientot|a tout a l'heure|a vendredi|a lundi|a demain|a plus)/;

/** Whether a clause, in folded form, opens with an imperative of the locale. */
function opensWithImperative(clause: string, imperatives: ReadonlySet<string>, french: boolean): boolean {
  // [^{}], not [^}]: on a run of "{" the match fails at once instead of scanning to the end each time.
  const words = clause.replace(/\{\{[^{}]*\}\}/g, ' ').trim().split(' ');
  let i = 0;
  while (i < words.length - 1 && FILLER.has(words[i]!)) i++;
  const word = words[i]?.replace(/[^\p{L}'-]/gu, '') ?? '';
  if (!word || SIGN_OFFS.test(words.slice(i).join(' '))) return false;
  if (imperatives.has(word)) return true;
  return french && /^[a-z]{2,}ez$/.test(word) && !NOT_IMPERATIVE_EZ.has(word) && i === 0;
}

export default defineRule<Options>({
  meta: {
    id: 'call-to-action',
    type: 'suggestion',
    description: 'A draft should ask for something: a question, a reply, a booking, a click.',
    defaultSeverity: 'warn',
    readsLanguage: true,
    schema: {
      type: 'object',
      properties: { asks: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More phrases that count as an ask.' } },
      additionalProperties: false,
    },
    defaultOptions: { asks: [] },
    messages: {
      none: 'This draft never asks for anything: no question, no link, no request. End with one clear next step (a question, "reply", "book a time", a link)',
    },
    docsUrl: docsUrl('call-to-action'),
  },
  create(context) {
    const languages = (locale: string) => (ASKS[locale] ? [locale] : Object.keys(ASKS));
    const matcherFor = (locale: string) =>
      compilePhrases([...languages(locale).flatMap((language) => ASKS[language]!), ...context.options.asks]);
    const imperativesFor = new Map<string, ReadonlySet<string>>();
    const imperatives = (locale: string) => {
      let set = imperativesFor.get(locale);
      if (!set) imperativesFor.set(locale, (set = new Set(languages(locale).flatMap((language) => IMPERATIVES[language]!))));
      return set;
    };
    return {
      draft(draft) {
        const text = draft.text;
        // A question, or a link (sharing one asks for the click), is an ask.
        if (text.trim() === '' || /[?？¿]/.test(text) || extractUrls(text).length > 0) return;
        if (matcherFor(draft.locale)(text).length > 0) return;
        const folded = fold(text).text;
        const french = languages(draft.locale).includes('fr');
        for (const clause of folded.match(CLAUSE) ?? []) {
          if (opensWithImperative(clause, imperatives(draft.locale), french)) return;
        }
        // Point at the last sentence, where an ask usually goes.
        const last = splitSentences(text).at(-1);
        context.report({ messageId: 'none', draft, start: last?.start ?? 0, end: last?.end ?? text.length });
      },
    };
  },
});

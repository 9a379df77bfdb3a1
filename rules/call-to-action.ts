import { defineRule } from '../src/define-rule.js';
import { docsUrl } from '../src/docs-url.js';
import { compilePhrases } from '../src/text/phrase-matcher.js';
import { splitSentences } from '../src/text/sentences.js';
import { extractUrls } from '../src/text/urls.js';

export interface Options {
  asks: string[];
}

// Phrases that ask the recipient to do something; a question mark or a link anywhere also counts.
const ASKS: Record<string, readonly string[]> = {
  en: [
    'let me know', 'reply', 'write back', 'get back to me', 'book', 'schedule', 'pick a time', 'grab a time', 'grab a slot',
    'click', 'sign up', 'register', 'join us', 'join', 'call me', 'give me a call', 'drop me a line', 'send me', 'email me',
    'dm me', 'message me', 'feel free to', 'reach out', 'check out', 'visit', 'download', 'try it', 'try', 'see you',
    'happy to send', 'happy to share', 'happy to chat', 'happy to show', 'shall i', 'would you', 'could you', 'can i',
    'interested', 'rsvp', 'buy', 'order', 'shop', 'subscribe', 'use the code', 'use code', 'get yours', 'grab yours', 'here is the link', "here's the link", 'link below', 'use the link', 'claim', 'apply',
  ],
  fr: [
    'dites moi', 'dis moi', 'faites moi savoir', 'fais moi signe', 'faites moi signe', 'repondez', 'reponds', 'repondre',
    'ecrivez moi', 'ecris moi', 'appelez moi', 'appelle moi', 'reservez', 'reserve', 'inscrivez vous', 'inscris toi',
    'cliquez', 'clique', 'telechargez', 'telecharge', "n'hesitez pas", "n'hesite pas", 'contactez moi', 'contacte moi',
    'rejoignez', 'rejoins', 'decouvrez', 'decouvre', 'essayez', 'essaie', 'voulez vous', 'veux tu', 'seriez vous',
    'pourriez vous', 'souhaitez vous', 'ca vous dit', 'ca te dit', 'au plaisir', 'je vous envoie', 'je t envoie',
    'voici le lien', 'lien ci dessous', 'profitez', 'venez', 'viens', 'retrouvez', 'achetez', 'commandez', 'abonnez vous',
  ],
};

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
    messages: { none: 'This draft never asks for anything: end with a question or an ask (reply, book a time, click the link)' },
    docsUrl: docsUrl('call-to-action'),
  },
  create(context) {
    const matcherFor = (locale: string) => compilePhrases([...(ASKS[locale] ?? [...ASKS.en!, ...ASKS.fr!]), ...context.options.asks]);
    return {
      draft(draft) {
        const text = draft.text;
        // A question, or a link (sharing one asks for the click), is an ask.
        if (text.trim() === '' || /[?？¿]/.test(text) || extractUrls(text).length > 0) return;
        if (matcherFor(draft.locale)(text).length > 0) return;
        // Point at the last sentence, where an ask usually goes.
        const last = splitSentences(text).at(-1);
        context.report({ messageId: 'none', draft, start: last?.start ?? 0, end: last?.end ?? text.length });
      },
    };
  },
});

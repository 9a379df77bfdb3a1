/**
 * Tells English from French in short messages by counting function words and French letters.
 * Outreach drafts are a few sentences long, too short for statistical detectors trained on
 * n-grams, but dense in words like "you/vous", "the/le", "and/et". Undecided text is English.
 */

const ENGLISH = new Set(
  'the and you your we our is are to of for with this that it in on at be have has will can would could just hi hello hey thanks thank please what how when who if not do does about from my me i an a as by so get more new'.split(' '),
);
const FRENCH = new Set(
  'le la les un une des du de et vous votre vos nous notre nos est sont pour avec ce cette ces qui que dans sur pas ne je tu te ton ta tes bonjour salut merci au aux en plus mais ou où très bien être avez êtes peut pouvez voudrais serait'.split(' '),
);
const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœ]/giu;
const WORD = /[\p{L}']+/gu;

export type DetectedLanguage = 'en' | 'fr';

export function detectLanguage(text: string): DetectedLanguage {
  let english = 0;
  let french = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/^(?:l|d|j|qu|n|s|c|m|t)'/, '');
    if (ENGLISH.has(word)) english++;
    if (FRENCH.has(word)) french++;
  }
  french += (text.match(FRENCH_LETTERS)?.length ?? 0) * 0.5;
  return french > english ? 'fr' : 'en';
}

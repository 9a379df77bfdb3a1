/** Splits text into sentences at terminal punctuation and line breaks, keeping offsets. */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// A point between two digits ("3.1", "4.5") is a decimal point, not the end of a sentence.
const SENTENCE = /(?:[^.!?…\n]|(?<=\d)\.(?=\d))+(?:[.!?…]+|\n|$)/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    sentences.push({ text: trimmed, start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return sentences;
}

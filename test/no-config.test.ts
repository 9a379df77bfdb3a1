// The no-config shortcut (src/config/no-config.ts) against the search it skips: wherever
// cosmiconfig, searching as dmlint does, finds a config, the shortcut must not say "surely none".
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODULE_NAME, SEARCH_PLACES } from '../src/config/load.js';
import { surelyNoConfig } from '../src/config/no-config.js';
import { tempDir, tempProject } from './helpers.js';

const search = async (cwd: string) =>
  (await cosmiconfig(MODULE_NAME, { searchPlaces: SEARCH_PLACES, searchStrategy: 'global', cache: false }).search(cwd))?.filepath;

const config = { rules: {} };

/** A config file at `place` below `folder`, with the package.json an ES module config needs. */
function configFiles(folder: string, place: string): Record<string, string> {
  if (place === 'package.json') return { [`${folder}/package.json`]: JSON.stringify({ name: 'copy', dmlint: config }) };
  if (place.endsWith('.cjs')) return { [`${folder}/${place}`]: `module.exports = ${JSON.stringify(config)};\n` };
  if (/\.(?:m?js|ts)$/.test(place)) return { [`${folder}/${place}`]: `export default ${JSON.stringify(config)};\n`, [`${folder}/package.json`]: '{"type":"module"}' };
  return { [`${folder}/${place}`]: JSON.stringify(config) };
}

describe('surelyNoConfig', () => {
  let saved: string | undefined;
  beforeEach(() => {
    // An empty global config folder, so the user's own cannot decide the cases.
    saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = tempDir('dmlint-xdg-');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = saved;
  });

  // [name, files, folder the search starts from, whether cosmiconfig finds a config there]
  const layouts: [string, Record<string, string>, string, boolean][] = [
    ...SEARCH_PLACES.map((place): [string, Record<string, string>, string, boolean] => [`${place} in the folder`, configFiles('project', place), 'project', true]),
    ...SEARCH_PLACES.map((place): [string, Record<string, string>, string, boolean] => [
      `${place} in a parent folder`,
      { ...configFiles('project', place), 'project/drafts/.keep': '' },
      'project/drafts',
      true,
    ]),
    // cosmiconfig reads its own config from the working folder (the test moves there).
    ["cosmiconfig's own config in .config/, naming another file", { 'project/.config/config.json': JSON.stringify({ cosmiconfig: { searchPlaces: ['custom.json'] } }), 'project/custom.json': JSON.stringify(config) }, 'project', true],
    ['a package.json without a dmlint key', { 'project/package.json': JSON.stringify({ name: 'copy' }) }, 'project', false],
    ['a package.json naming dmlint only as a dependency', { 'project/package.json': JSON.stringify({ name: 'copy', devDependencies: { dmlint: '1' } }) }, 'project', false],
    ['nothing at all', { 'project/drafts/.keep': '' }, 'project/drafts', false],
  ];

  it.each(layouts)('never hides a config cosmiconfig finds: %s', async (_, files, from, findsOne) => {
    const cwd = path.join(tempProject(files, 'dmlint-no-config-'), from);
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const found = await search(cwd);
      expect(found !== undefined, `cosmiconfig found ${found}`).toBe(findsOne);
      if (found) expect(surelyNoConfig(cwd, MODULE_NAME, SEARCH_PLACES)).toBe(false);
    } finally {
      process.chdir(before);
    }
  });

  it('answers "surely none" where there is nothing, so the shortcut is taken', async () => {
    const cwd = path.join(tempProject({ 'project/drafts/.keep': '' }, 'dmlint-no-config-'), 'project/drafts');
    expect(await search(cwd)).toBeUndefined();
    expect(surelyNoConfig(cwd, MODULE_NAME, SEARCH_PLACES)).toBe(true);
  });

  it('leaves the decision to cosmiconfig when the global config folder exists', () => {
    const cwd = tempProject({ 'drafts/.keep': '' }, 'dmlint-no-config-');
    process.env.XDG_CONFIG_HOME = tempProject({ 'dmlint/config.json': JSON.stringify(config) }, 'dmlint-xdg-');
    expect(surelyNoConfig(cwd, MODULE_NAME, SEARCH_PLACES)).toBe(false);
  });
});

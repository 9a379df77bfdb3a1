import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import { GitIgnore } from '../src/run/gitignore.js';
import { loadConfig } from '../src/api/config.js';
import { DRAFT_EXTENSIONS, findDraftFiles } from '../src/run/files.js';
import { walkDrafts } from '../src/run/walk.js';
import { tempProject } from './helpers.js';

const relativeTo = (dir: string, files: string[]) => files.map((file) => path.relative(dir, file).split(path.sep).join('/')).sort();

function walk(dir: string, withGitignore: boolean, options: { followSymlinks?: boolean; onLinkOutside?: (link: string) => void } = {}): string[] {
  const gitignore = withGitignore ? new GitIgnore() : undefined;
  gitignore?.addAncestors(dir);
  return relativeTo(dir, walkDrafts(dir, { extensions: DRAFT_EXTENSIONS, ...options, ...(gitignore ? { gitignore } : {}) }));
}

const tree = {
  'a.md': '',
  'b.markdown': '',
  'c.MD': '',
  'notes.txt': '',
  'md': '',
  '.hidden.md': '',
  '.hidden/x.md': '',
  'node_modules/pkg/readme.md': '',
  'deep/1/2/3/4/5/z.md': '',
  'x.md/inner.md': '',
  'campagne été/brouillon n°1.md': '',
  'build/out.md': '',
  'team/keep.old.md': '',
  'team/drop.old.md': '',
  'team/sub/also.old.md': '',
};

describe('walkDrafts', () => {
  it('finds what globby finds for **/*.{md,markdown}, without dot files or node_modules', async () => {
    const dir = tempProject(tree);
    const expected = await globby('**/*.{md,markdown}', { cwd: dir, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
    expect(walk(dir, false)).toEqual(relativeTo(dir, expected));
    expect(walk(dir, false)).toContain('x.md/inner.md');
    expect(walk(dir, false)).not.toContain('c.MD');
  });

  it('applies .gitignore files as it goes, as globby does: ignored folders are not entered, a deeper file re-includes', async () => {
    const dir = tempProject({
      ...tree,
      '.gitignore': 'build/\n*.old.md\n',
      'team/.gitignore': '!keep.old.md\n',
      'deep/1/.gitignore': '2\n',
    });
    expect(walk(dir, true)).toEqual(['a.md', 'b.markdown', 'campagne été/brouillon n°1.md', 'team/keep.old.md', 'x.md/inner.md']);
    const expected = await globby('**/*.{md,markdown}', { cwd: dir, absolute: true, onlyFiles: true, dot: false, gitignore: true, ignore: ['**/node_modules/**'] });
    expect(walk(dir, true)).toEqual(relativeTo(dir, expected));
  });

  it('follows links to folders and files, enters each real folder once, under its own path', () => {
    const dir = tempProject({ 'drafts/a.md': '', 'drafts/sub/b.md': '', 'elsewhere/c.md': '' });
    const outside = tempProject({ 'shared.md': '' });
    symlinkSync(path.join(dir, 'drafts'), path.join(dir, 'drafts/loop'));
    symlinkSync(path.join(dir, 'drafts/sub'), path.join(dir, 'a-link-to-sub'));
    symlinkSync(outside, path.join(dir, 'drafts/outside'));
    symlinkSync(path.join(dir, 'elsewhere/c.md'), path.join(dir, 'drafts/c-link.md'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'drafts/broken.md'));
    symlinkSync(path.join(dir, 'drafts/self'), path.join(dir, 'drafts/self'));
    // A link that leads out of the folder walked is reported, not followed, unless asked.
    const outsideLinks: string[] = [];
    expect(walk(dir, false, { onLinkOutside: (link) => outsideLinks.push(link) })).toEqual(['drafts/a.md', 'drafts/c-link.md', 'drafts/sub/b.md', 'elsewhere/c.md']);
    expect(relativeTo(dir, outsideLinks)).toEqual(['drafts/outside']);
    expect(walk(dir, false, { followSymlinks: true })).toEqual(['drafts/a.md', 'drafts/c-link.md', 'drafts/outside/shared.md', 'drafts/sub/b.md', 'elsewhere/c.md']);
  });

  it('does not follow links out of the folder given, even to a file inside the working directory', () => {
    const dir = tempProject({ 'drafts/a.md': '', 'other/b.md': '' });
    symlinkSync(path.join(dir, 'other/b.md'), path.join(dir, 'drafts/b.md'));
    symlinkSync('/', path.join(dir, 'drafts/root'));
    const outsideLinks: string[] = [];
    expect(relativeTo(dir, walkDrafts(path.join(dir, 'drafts'), { extensions: DRAFT_EXTENSIONS, onLinkOutside: (link) => outsideLinks.push(link) }))).toEqual(['drafts/a.md']);
    expect(relativeTo(dir, outsideLinks)).toEqual(['drafts/b.md', 'drafts/root']);
  });

  it.each([
    ['**/*.md'],
    ['**/*.{md,markdown}'],
    ['team/**/*.md'],
    ['./team/*.md'],
    ['*.md'],
    ['**/*.txt'],
    ['deep/**/z.md'],
    ['campagne été/*.md'],
    ['x.md/*'],
    ['{team,build}/**/*.md'],
    ['team/[ks]*/*.md'],
    ['**/.hidden/*.md'],
    ['!team/*.md'],
  ])('reads the glob %s as globby does, .gitignore applied', async (pattern) => {
    const dir = tempProject({ ...tree, '.gitignore': 'build/\n*.old.md\n', 'team/.gitignore': '!keep.old.md\n' });
    const config = await loadConfig({ cwd: dir });
    const gitignore = new GitIgnore();
    gitignore.addAncestors(dir);
    for (const file of await globby('**/.gitignore', { cwd: dir, absolute: true, dot: true })) gitignore.add(path.normalize(file));
    const byGlobby = (await globby(pattern, { cwd: dir, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })).map((file) => path.normalize(file)).filter((file) => !gitignore.ignores(file));
    const { files, errors } = await findDraftFiles([pattern], { cwd: dir, config, useIgnore: true });
    expect(relativeTo(dir, files)).toEqual(relativeTo(dir, byGlobby));
    expect(errors).toEqual(byGlobby.length ? [] : [`No files match the pattern "${pattern}"`]);
  });

  it('finds a glob through a linked folder once, and below a folder outside the working directory', async () => {
    const dir = tempProject({ 'drafts/a.md': '', 'drafts/sub/b.md': '' });
    symlinkSync(path.join(dir, 'drafts'), path.join(dir, 'drafts/loop'));
    const config = await loadConfig({ cwd: dir });
    const inner = path.join(dir, 'drafts/sub');
    expect(relativeTo(dir, (await findDraftFiles(['**/*.md'], { cwd: dir, config, useIgnore: true })).files)).toEqual(['drafts/a.md', 'drafts/sub/b.md']);
    expect(relativeTo(dir, (await findDraftFiles(['../*.md'], { cwd: inner, config, useIgnore: true })).files)).toEqual(['drafts/a.md']);
  });
});


// sarif, github and junit, checked with the tools that read them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, tempProject } from './helpers.js';

const require = createRequire(import.meta.url);
const BIN = path.join(ROOT, 'bin/dmlint.js');
const dmlint = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// A file name and text that try to break out of every format.
const hostileName = 'odd, name: 100% <x> & "y".md';
const hostileDraft = '---\nplatform: facebook\naudience: cold\n---\nBuy\nnow {{a\u0007b}} \u001b[31mred\n';

describe('sarif', () => {
  const report = JSON.parse(dmlint(['fixtures', '-f', 'sarif']).stdout);

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(validateSarif(report), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  });

  it('describes every rule with its help URI, and each result points into a repository-relative file', () => {
    const driver = report.runs[0].tool.driver;
    expect(driver.name).toBe('dmlint');
    const maxLength = driver.rules.find((r: { id: string }) => r.id === 'twitter/max-length');
    expect(maxLength.helpUri).toMatch(/docs\/rules\/twitter\/max-length\.md$/);
    expect(maxLength.defaultConfiguration.level).toBe('error');
    const result = report.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'twitter/max-length');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/twitter/max-length/invalid-long-en.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 33, endLine: 6, endColumn: 107 },
    });
    expect(driver.rules[result.ruleIndex].id).toBe('twitter/max-length');
  });

  it('gives fingerprints that stay the same across runs and when lines move', () => {
    const dir = tempProject({ 'a.md': hostileDraft });
    const prints = () => JSON.parse(dmlint(['a.md', '-f', 'sarif'], dir).stdout).runs[0].results.map((r: { ruleId: string; partialFingerprints: object }) => [r.ruleId, r.partialFingerprints]);
    const first = prints();
    expect(first.length).toBeGreaterThan(1);
    expect(prints()).toEqual(first);
    writeFileSync(path.join(dir, 'a.md'), hostileDraft.replace('---\nBuy', '---\n\nA new first line.\n\nBuy'));
    const moved = prints();
    for (const entry of first) expect(moved).toContainEqual(entry);
  });

  it('stays valid with hostile file names and text', () => {
    const dir = tempProject({ [hostileName]: hostileDraft });
    const log = JSON.parse(dmlint(['.', '-f', 'sarif'], dir).stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('odd%2C%20name%3A%20100%25%20%3Cx%3E%20%26%20%22y%22.md');
  });

  const multitool = path.join(ROOT, 'node_modules/.bin/sarif-multitool');
  it.skipIf(!existsSync(multitool))('passes the reference validator (sarif-multitool validate) with no errors', () => {
    const dir = tempProject({});
    const input = path.join(dir, 'dmlint.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, JSON.stringify(report));
    const run = spawnSync(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const findings = JSON.parse(readFileSync(output, 'utf8')).runs[0].results as { level?: string; message: { text?: string } }[];
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('github', () => {
  it('prints one workflow command per problem with file, line, col, endLine, endColumn and title', () => {
    const lines = dmlint(['fixtures/twitter/max-length/invalid-long-en.md', '-f', 'github']).stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=fixtures/twitter/max-length/invalid-long-en.md,line=6,endLine=6,col=33,endColumn=107,title=twitter/max-length::191/140 characters%0Ahttps://github.com/dmlint/dmlint/blob/main/docs/rules/twitter/max-length.md',
    ]);
  });

  it('escapes properties and data as the workflow-command syntax requires', () => {
    const phrases = [{ id: 'house/buy', match: ['buy now'], message: 'No hard sell' }];
    const dir = tempProject({ [hostileName]: hostileDraft, '.dmlintrc.json': JSON.stringify({ phrases }) });
    const out = dmlint(['.', '-f', 'github'], dir).stdout;
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=odd%2C name%3A 100%25 <x> & "y"\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[\w/-]+::[^\r\n]*$/);
    }
    // A phrase across a line break arrives as one line, its newline escaped; other controls shown escaped.
    expect(out).toContain('No hard sell ("Buy%0Anow")');
    expect(out).toContain('{{a\\x07b}}');
    expect(out).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('junit', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testcase', 'failure'].includes(name) }).parse(xml);

  it('is well-formed XML with one test case per file, failed only by errors, totals that add up', () => {
    const xml = dmlint(['fixtures', '-f', 'junit']).stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    const report = JSON.parse(dmlint(['fixtures', '-f', 'json']).stdout);
    const suites = parse(xml).testsuites;
    const suite = suites.testsuite;
    expect(suite.testcase).toHaveLength(report.files.length);
    expect(Number(suite['@_tests'])).toBe(report.files.length);
    expect(Number(suites['@_tests'])).toBe(report.files.length);
    // A test case fails once, and only when its file has errors; failures never exceed tests.
    const withErrors = report.files.filter((f: { errorCount: number }) => f.errorCount > 0).length;
    for (const testcase of suite.testcase) expect(testcase.failure?.length ?? 0).toBeLessThanOrEqual(1);
    expect(suite.testcase.filter((c: { failure?: unknown[] }) => c.failure).length).toBe(withErrors);
    expect(Number(suite['@_failures'])).toBe(withErrors);
    expect(Number(suites['@_failures'])).toBe(withErrors);
    expect(withErrors).toBeLessThan(report.files.length);

    const long = suite.testcase.find((c: { '@_name': string }) => c['@_name'] === 'fixtures/twitter/max-length/invalid-long-en.md');
    expect(long.failure[0]).toMatchObject({
      '@_type': 'error',
      '@_message': '1 error: 191/140 characters',
      '#text': '6:33 error 191/140 characters (twitter/max-length https://github.com/dmlint/dmlint/blob/main/docs/rules/twitter/max-length.md)',
    });
    // A file with warnings only passes, its warnings listed in system-out, one line each.
    const warnedFile = report.files.find((f: { errorCount: number; warningCount: number }) => f.errorCount === 0 && f.warningCount > 0);
    const warned = suite.testcase.find((c: { '@_name': string }) => c['@_name'] === warnedFile.path);
    expect(warned.failure).toBeUndefined();
    expect(warned['system-out'].split('\n')).toHaveLength(warnedFile.warningCount);
    const first = warnedFile.diagnostics[0];
    expect(warned['system-out'].split('\n')[0]).toBe(`${first.line}:${first.column} warning ${first.message} (${first.ruleId} https://github.com/dmlint/dmlint/blob/main/docs/rules/${first.ruleId}.md)`);
  });

  it('stays well-formed with hostile file names and text', () => {
    const dir = tempProject({ [hostileName]: hostileDraft });
    const xml = dmlint(['.', '-f', 'junit'], dir).stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    const testcase = parse(xml).testsuites.testsuite.testcase[0];
    expect(testcase['@_name']).toBe(hostileName);
    expect(JSON.stringify(testcase)).toContain('\\\\u0007');
  });
});

describe('json', () => {
  it('round-trips hostile text', () => {
    const dir = tempProject({ [hostileName]: hostileDraft });
    const report = JSON.parse(dmlint(['.', '-f', 'json'], dir).stdout);
    expect(report.files[0].path).toBe(hostileName);
    expect(report.files[0].diagnostics.some((d: { message: string }) => d.message.includes('\u0007'))).toBe(true);
  });
});

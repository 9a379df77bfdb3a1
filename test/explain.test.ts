// --explain and explainText: why a judgment rule reported a draft, or did not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../src/api/explain.js';
import { lint, ROOT, tempProject } from './helpers.js';

const pitch = '---\nplatform: facebook\naudience: cold\n---\nHey! Earn a second income from your couch, no experience needed. Reply YES and I will send you the details.\n';
const question = '---\nplatform: facebook\naudience: cold\n---\nHi Sam, do you still have the blue bike you posted? My daughter would love it.\n';
const customer = '---\nplatform: facebook\naudience: customer\n---\nFlash sale: 50% off for you today only!\n';

describe('explainText', () => {
  it('gives the score, the threshold and the signals of a draft the rule reports, agreeing with the report', async () => {
    const [draft] = await explainText(pitch, { cwd: ROOT, filePath: 'pitch.md' });
    const rule = draft!.rules.find((r) => r.ruleId === 'facebook/unsolicited-pitch')!;
    expect(rule.fires).toBe(true);
    expect(rule.score).toBeGreaterThanOrEqual(rule.threshold);
    const reported = (await lint(pitch)).diagnostics.find((d) => d.ruleId === 'facebook/unsolicited-pitch')!;
    expect(reported.score).toBe(rule.score);
    // The signals are sorted by what they added, and each names text of the draft.
    const sizes = rule.signals.map((s) => Math.abs(s.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const family = rule.signals.find((s) => s.feature === 'f:money-hype')!;
    expect(family.contribution).toBeGreaterThan(0);
    expect(family.text).toEqual(expect.arrayContaining(['second income', 'no experience needed']));
  });

  it('explains a draft the rule does not report, and says why an exempt audience is not scored', async () => {
    const [asked] = await explainText(question, { cwd: ROOT });
    const rule = asked!.rules.find((r) => r.ruleId === 'facebook/unsolicited-pitch')!;
    expect(rule.fires).toBe(false);
    expect(rule.score).toBeLessThan(rule.threshold);
    expect((await lint(question)).diagnostics.filter((d) => d.ruleId === 'facebook/unsolicited-pitch')).toEqual([]);
    const [exempt] = await explainText(customer, { cwd: ROOT });
    expect(exempt!.rules.filter((r) => r.ruleId === 'facebook/unsolicited-pitch')).toEqual([expect.objectContaining({ fires: false, skipped: expect.stringContaining('customer') })]);
    // call-to-action is a judgment too: a draft that asks plainly is not weighed, and says so.
    expect(asked!.rules.find((r) => r.ruleId === 'call-to-action')).toMatchObject({ fires: false, skipped: expect.stringContaining('asks plainly') });
  });

  it('follows the configured threshold, and leaves out rules that are off', async () => {
    const { resolveConfig } = await import('../src/api/config.js');
    const strict = await resolveConfig({ rules: { 'facebook/unsolicited-pitch': ['warn', { minScore: 0.999 }] } }, path.join(ROOT, 'x.json'), ROOT);
    const [high] = await explainText(pitch, { cwd: ROOT, config: strict });
    expect(high!.rules.find((r) => r.ruleId === 'facebook/unsolicited-pitch')).toMatchObject({ threshold: 0.999, fires: false });
    const off = await resolveConfig({ rules: { 'facebook/unsolicited-pitch': 'off', 'call-to-action': 'off' } }, path.join(ROOT, 'x.json'), ROOT);
    expect((await explainText(pitch, { cwd: ROOT, config: off }))[0]!.rules).toEqual([]);
  });
});

describe('dmlint --explain', () => {
  const dir = tempProject({ 'pitch.md': pitch, 'question.md': question });
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/dmlint.js'), ...args], { cwd: dir, encoding: 'utf8' });

  it('prints each draft with each judgment rule, its verdict and its strongest signals, exit 0', () => {
    const { status, stdout } = run(['--explain', 'pitch.md', 'question.md']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^pitch\.md, draft 1 \(line 5, facebook message, audience cold, en\)\n {2}facebook\/unsolicited-pitch: score 0\.\d\d, reported from 0\.\d\d: reported\n/m);
    expect(stdout).toMatch(/\+\d\.\d\d {2}f:money-hype +"second income", "from your couch", "no experience needed"/);
    expect(stdout).toMatch(/^question\.md, draft 1 .*\n {2}facebook\/unsolicited-pitch: score 0\.\d\d, reported from 0\.\d\d: not reported$/m);
  });

  it('gives every signal as JSON with -f json', () => {
    const { status, stdout } = run(['--explain', '-f', 'json', 'pitch.md']);
    expect(status).toBe(0);
    const [file] = JSON.parse(stdout) as { path: string; drafts: { rules: { ruleId: string; signals: unknown[] }[] }[] }[];
    expect(file!.path).toBe('pitch.md');
    expect(file!.drafts[0]!.rules[0]!.ruleId).toBe('facebook/unsolicited-pitch');
    expect(file!.drafts[0]!.rules[0]!.signals.length).toBeGreaterThan(12);
  });

  it('says which path names nothing, exit 2', () => {
    const { status, stderr } = run(['--explain', 'missing.md']);
    expect(status).toBe(2);
    expect(stderr).toBe('dmlint: No such file or directory: missing.md\n');
  });
});

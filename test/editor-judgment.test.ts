// Judgment rules' diagnostics may carry a score and evidence: the language server shows them in
// the hover and as related locations, and shows nothing extra when they are absent.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../src/api/config.js';
import type { DocumentLint } from '../src/cli/editor/document-lint.js';
import { explainDiagnostic } from '../src/cli/editor/hover.js';
import { toLspDiagnostic, type Judged } from '../src/cli/editor/protocol.js';
import type { Diagnostic } from '../src/types.js';
import { ROOT } from './helpers.js';

const text = '\uFEFFHello, *limited* time offer: buy now!\n';
const base: Diagnostic = {
  ruleId: 'facebook/unsolicited-pitch',
  severity: 'warning',
  message: 'Reads as a sales pitch to someone who did not ask for one',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 38,
  draft: 0,
  fixable: false,
  offset: 0,
  endOffset: 37,
};

async function lintOf(): Promise<DocumentLint> {
  const config = await resolveConfig({}, undefined, ROOT);
  return { uri: 'file:///d.md', version: 1, bom: 1, diagnostics: [], linted: { config } as DocumentLint['linted'] };
}

describe('judgment evidence in the editor', () => {
  it('shows the score and the evidence, escaped, in the hover and as related locations', async () => {
    const lint = await lintOf();
    const judged: Diagnostic & Judged = { ...base, score: 0.8734, evidence: [{ text: '*limited* time offer', line: 1, column: 8, endLine: 1, endColumn: 28 }, { text: 'buy now', line: 1, column: 30, endLine: 1, endColumn: 37 }] };
    const hover = explainDiagnostic(lint, judged);
    expect(hover).toContain('Score: 0.87');
    expect(hover).toContain('- line 1: “\\*limited\\* time offer”');
    expect(hover.indexOf('limited')).toBeLessThan(hover.indexOf('buy now'));
    const document = TextDocument.create('file:///d.md', 'markdown', 1, text);
    const lsp = toLspDiagnostic(document, lint, judged, lint.linted!.config.registry.get(base.ruleId));
    // The document starts with a byte-order mark the engine's columns leave out: one more here.
    expect(lsp.relatedInformation?.map((related) => [related.location.range, related.message])).toEqual([
      [{ start: { line: 0, character: 8 }, end: { line: 0, character: 28 } }, 'evidence: “*limited* time offer”'],
      [{ start: { line: 0, character: 30 }, end: { line: 0, character: 37 } }, 'evidence: “buy now”'],
    ]);
    expect(text.slice(8, 28)).toBe('*limited* time offer');
  });

  it('shows neither when the diagnostic has none', async () => {
    const lint = await lintOf();
    const hover = explainDiagnostic(lint, base);
    expect(hover).not.toMatch(/Score|Evidence/);
    const lsp = toLspDiagnostic(TextDocument.create('file:///d.md', 'markdown', 1, text), lint, base, undefined);
    expect(lsp.relatedInformation).toBeUndefined();
  });
});

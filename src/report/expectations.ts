/**
 * Expected diagnostics written down in text: at the end of a fixture, one HTML comment per
 * diagnostic on a line of its own,
 *
 *   <!-- expect no-shouting 6:32-6:36: "FREE" is in capitals: it reads as shouting -->
 *
 * (rule id, then line:column-endLine:endColumn, then ": " and the message; the end and the
 * message may be left out), and on a doc page one line per diagnostic, `6:32-6:36: message`.
 * The RuleTester (src/api/rule-tester.ts) reads the first, docs.test.ts the second.
 */

export interface ExpectedDiagnostic {
  /** The rule that reports; by default the rule under test. */
  ruleId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
}

/** What is compared of a reported diagnostic. */
export interface SpannedMessage {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const EXPECT_START = /^[ \t]*<!--[ \t]*expect(?=[ \t]|-->)/;
const EXPECT = /^[ \t]*<!--[ \t]*expect[ \t]+(\S+)[ \t]+(\d+):(\d+)(?:-(\d+):(\d+))?(?::[ \t]+(.*?))?[ \t]*-->[ \t]*$/;

/**
 * The expect comments of a fixture, and the fixture's text without them. They close the file:
 * after its last line, a blank line, then one comment per line. The text the rule under test
 * sees stops before that blank line, so it is the fixture exactly as it was before expectations
 * were added. Throws on an expect comment it cannot read, or one followed by other content.
 */
export function readExpectations(source: string, file = 'the fixture'): { text: string; expected: ExpectedDiagnostic[] } {
  const expected: ExpectedDiagnostic[] = [];
  const lines = source.split('\n');
  let first: number | undefined;
  for (const [index, line] of lines.entries()) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!EXPECT_START.test(content)) {
      if (first !== undefined && content.trim() !== '') throw new Error(`${file}:${index + 1}: expect comments close the fixture: move this line above them`);
      continue;
    }
    const match = EXPECT.exec(content);
    if (!match) {
      throw new Error(`${file}:${index + 1}: an expect comment reads "<!-- expect <rule-id> <line>:<column>[-<endLine>:<endColumn>][: <message>] -->", on a line of its own`);
    }
    first ??= index;
    const [, ruleId, line_, column, endLine, endColumn, message] = match;
    expected.push({
      ruleId: ruleId!,
      line: Number(line_),
      column: Number(column),
      ...(endLine ? { endLine: Number(endLine), endColumn: Number(endColumn) } : {}),
      ...(message ? { message } : {}),
    });
  }
  if (first === undefined) return { text: source, expected };
  const kept = lines.slice(0, first);
  // The blank line between the content and the comments goes too; the content's own last line break stays.
  if (kept.length > 1 && kept[kept.length - 1]!.replace(/\r$/, '') === '') kept.pop();
  return { text: kept.length > 0 ? `${kept.join('\n')}\n` : '', expected };
}

/** `line:column-endLine:endColumn: message`, the given parts of an expectation or all of a diagnostic. */
export function describeDiagnostic(diagnostic: ExpectedDiagnostic, withRuleId = false): string {
  const end = diagnostic.endLine !== undefined ? `-${diagnostic.endLine}:${diagnostic.endColumn}` : '';
  const message = diagnostic.message !== undefined ? `: ${diagnostic.message}` : '';
  return `${withRuleId && diagnostic.ruleId ? `${diagnostic.ruleId} ` : ''}${diagnostic.line}:${diagnostic.column}${end}${message}`;
}

/** The expect comment that pins `diagnostic` in a fixture. */
export function expectComment(diagnostic: SpannedMessage): string {
  return `<!-- expect ${describeDiagnostic(diagnostic, true)} -->`;
}

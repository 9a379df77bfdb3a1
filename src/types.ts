/** Shared shapes of dmlint: drafts, rules, diagnostics, results. */

export const PLATFORMS = ['twitter', 'facebook', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const AUDIENCES = ['cold', 'follower', 'connection', 'customer', 'inbound'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Kinds of message each platform has; the first is the platform's default kind. */
export const KINDS: Record<Platform, readonly string[]> = {
  twitter: ['dm'],
  facebook: ['message'],
  linkedin: ['inmail', 'message', 'connection-note'],
};

export type Severity = 'off' | 'warn' | 'error';
export type SeverityInput = Severity | 0 | 1 | 2;
export type ReportedSeverity = 'error' | 'warning';

/** A span of the draft file, as UTF-16 offsets into the file text (BOM removed); end exclusive. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Where a resolved metadata value came from, most specific last. */
export type MetadataOrigin = 'config' | 'cli' | 'frontmatter' | 'directive' | 'detected' | 'platform-default';

export interface MetadataValue {
  value: string;
  origin: MetadataOrigin;
  /** Position of the key in the file, when it was written in the file. */
  range?: SourceRange;
}

export interface Placeholder {
  name: string;
  /** Offsets in the draft text. */
  start: number;
  end: number;
}

/** One message: the text the recipient receives, with its metadata and a map back into the file. */
export interface Draft {
  index: number;
  title?: string;
  platform?: Platform;
  kind?: string;
  audience?: Audience;
  /** Primary language subtag, lower case ("en", "fr"); "und" when it could not be told. */
  locale: string;
  subject?: string;
  /** Every known metadata key that was resolved, with its origin and position. */
  metadata: Record<string, MetadataValue | undefined>;
  /** The text the recipient receives: markup removed, paragraphs separated by a blank line. */
  text: string;
  /** File offset of each UTF-16 unit of `text`. */
  offsets: Int32Array;
  /** The draft's span in the file: its directive (if any) through its last content. */
  range: SourceRange;
  placeholders: Placeholder[];
}

export interface MetadataProblem {
  message: string;
  /** The metadata key at fault, or "frontmatter" when the frontmatter as a whole could not be read. */
  key?: string;
  range: SourceRange;
  /** The draft it concerns, or null for the whole file (frontmatter). */
  draft: number | null;
}

export type ControlKind = 'disable' | 'enable' | 'disable-next-line';

export interface ControlComment {
  kind: ControlKind;
  /** Rule ids named in the comment; empty means every rule. */
  rules: { id: string; range: SourceRange }[];
  range: SourceRange;
}

/** A parsed draft file: every draft in it, plus what the parser noticed. */
export interface DraftFile {
  path: string;
  /** File text with any byte-order mark removed. */
  source: string;
  hadBom: boolean;
  drafts: Draft[];
  metadataProblems: MetadataProblem[];
  /** Pieces of the file not parsed because they exceed dmlint's limits (src/draft/limits.ts). */
  skipped: { message: string; range: SourceRange }[];
  controlComments: ControlComment[];
  /** Comments that look like dmlint's but are not ("dmlint-disabel"); slips of dmlint-draft are in metadataProblems. */
  strayComments: { name: string; suggestion?: string; range: SourceRange }[];
  lineStarts: number[];
}

export interface Fix {
  range: SourceRange;
  text: string;
}

/** What a rule passes to `context.report`. Give a text span of a draft, or a file span. */
export interface ReportDescriptor {
  messageId?: string;
  message?: string;
  data?: Record<string, string | number>;
  draft?: Draft;
  /** Offsets in `draft.text`; end exclusive. Defaults to the whole text. */
  start?: number;
  end?: number;
  /** A file span, for problems outside the message text (metadata, directives). */
  range?: SourceRange;
  fix?: Fix;
  /** For judgment rules: the model's score and the spans of `draft.text` that weighed most. */
  judgment?: { score: number; evidence: { start: number; end: number }[] };
}

export interface PlaceholderSetting {
  length: number;
}

export interface RuleSettings {
  /** Declared merge fields, or undefined when config lists none. */
  placeholders: Record<string, PlaceholderSetting> | undefined;
  /** Length a placeholder counts for when config does not say. */
  defaultPlaceholderLength: number;
}

export interface RuleContext<Options = Record<string, unknown>> {
  id: string;
  options: Options;
  filePath: string;
  file: DraftFile;
  settings: RuleSettings;
  /** Every rule id this run knows (built-in, plugin and phrase rules). */
  knownRuleIds: ReadonlySet<string>;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleVisitors {
  /** Called once per draft file, before the drafts. */
  file?(file: DraftFile): void;
  /** Called for every draft the rule applies to (see `meta.platforms` and `meta.kinds`). */
  draft?(draft: Draft): void;
}

export type RuleType = 'problem' | 'suggestion' | 'layout';

export interface RuleMeta {
  id: string;
  type: RuleType;
  description: string;
  /** Platforms the rule checks; empty means every draft, resolved platform or not. */
  platforms: Platform[];
  /** Kinds the rule checks, when it is narrower than its platforms. */
  kinds?: string[];
  /** Severity in `dmlint:recommended`. */
  defaultSeverity: Severity;
  fixable: boolean;
  /** Whether the rule reads the language of the text (its tests then cover en and fr). */
  readsLanguage: boolean;
  /** JSON schema of the options object; `additionalProperties: false` expected. */
  schema: Record<string, unknown>;
  defaultOptions: Record<string, unknown>;
  messages: Record<string, string>;
  docsUrl?: string;
}

/** How a judgment rule weighed one draft (--explain): its score, its threshold, and every signal. */
export interface Explanation {
  /** The model's score, 0 to 1; the rule reports the draft when it reaches `threshold`. */
  score: number;
  threshold: number;
  fires: boolean;
  /** Why the draft was not scored at all (an exempt audience), when it was not. */
  skipped?: string;
  /** Every feature that carried weight, strongest first: weight × value is what it added to the logit. */
  signals: { feature: string; weight: number; value: number; contribution: number; text: string[] }[];
}

export interface Rule<Options = any> {
  meta: RuleMeta;
  create(context: RuleContext<Options>): RuleVisitors;
  /** Judgment rules: how the rule weighs `draft` with these options, whether it fires or not. */
  explain?(draft: Draft, options: Options): Explanation;
}

export interface Diagnostic {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  draft: number | null;
  fixable: boolean;
  /** File offsets behind line/column, kept for fixes and suppression; not in the JSON report. */
  offset: number;
  endOffset: number;
  fix?: Fix;
  /** Identifies the problem across runs even when lines move (SARIF partialFingerprints). */
  fingerprint?: string;
  /** Judgment rules: how sure the model is that the rule applies, 0 to 1. */
  score?: number;
  /** Judgment rules: the text that weighed most in the score, strongest first. */
  evidence?: EvidenceSpan[];
}

/** A piece of evidence behind a judgment rule's diagnostic. */
export interface EvidenceSpan {
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface DraftSummary {
  index: number;
  platform: Platform | null;
  kind: string | null;
  audience: Audience | null;
  locale: string;
  localeSource: MetadataOrigin;
  title: string | null;
  line: number;
  endLine: number;
  length: number;
}

export interface FileResult {
  path: string;
  drafts: DraftSummary[];
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /**
   * The text that was linted (byte-order mark removed; the fixed text under --fix), only when the
   * run asked for it (`keepSource`): the formats that show drafts (html, markdown) need it.
   */
  source?: string;
  /** With `source`: each draft's message text and where each of its characters is in `source`. */
  texts?: DraftText[];
}

/** A draft's message text as the recipient receives it, mapped back into the file. */
export interface DraftText {
  index: number;
  text: string;
  /** File offset of each UTF-16 unit of `text`. */
  offsets: Int32Array;
  subject?: string;
  /** Where the subject is set in the file, when the file sets it. */
  subjectRange?: SourceRange;
}

/** The report formats by name, in the order help and errors list them. */
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats a program reads: their standard output must be the report and nothing else. */
export const MACHINE_FORMATS: readonly string[] = ['json', 'sarif', 'junit'];

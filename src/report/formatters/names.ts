/** The report formats by name, in the order help and errors list them. */
export const FORMAT_NAMES = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'html', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Formats a program reads or a file keeps: their standard output must be the report and nothing
 * else (formatter modules are treated so too).
 */
export const MACHINE_FORMATS: readonly string[] = ['json', 'sarif', 'junit', 'html', 'markdown'];

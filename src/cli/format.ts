/**
 * The report format a run asks for by `-f NAME`: a built-in format, or else a formatter module by
 * path or package name (custom-format.ts, loaded only then).
 */
import { FORMATTER_NAMES, loadReportFormat, type ReportFormat } from '../report/formatters/index.js';

export const isBuiltInFormat = (name: string): boolean => FORMATTER_NAMES.includes(name);

/** Rejects with the loader's reason when a name is neither built in nor a loadable formatter. */
export async function loadFormat(name: string, cwd: string): Promise<ReportFormat> {
  const builtIn = await loadReportFormat(name);
  if (builtIn) return builtIn;
  const { loadCustomFormat } = await import('./custom-format.js');
  return loadCustomFormat(name, cwd, FORMATTER_NAMES);
}

/** The stable JSON report, `version: 1`, as SPEC.md shows it. */
import { toReported } from '../api.js';
import type { Formatter } from './types.js';

const json: Formatter = (results, { summary }) =>
  `${JSON.stringify(
    {
      version: 1,
      files: results.map(toReported),
      summary: {
        files: summary.files,
        drafts: summary.drafts,
        errors: summary.errors,
        warnings: summary.warnings,
        fixable: summary.fixable,
        inmails: summary.inmails,
        inmailCostUsd: summary.inmailCostUsd,
      },
    },
    null,
    2,
  )}\n`;

export default json;

/** The stable JSON report, `version: 1`, as docs/cli.md shows it: indented by two spaces. */
import { toReported } from '../shape.js';
import { wholeReport, type Formatter, type StreamingFormat } from './types.js';

// Written piece by piece, it is the text JSON.stringify(report, null, 2) gives for the whole
// report (test/formats.test.ts compares them): each file is indented to its depth in `files`.
export const stream: StreamingFormat = ({ rules }) => {
  let first = true;
  return {
    files(results) {
      let text = '';
      for (const result of results) {
        text += `${first ? '{\n  "version": 1,\n  "files": [\n    ' : ',\n    '}${JSON.stringify(toReported(result, rules), null, 2).replace(/\n/g, '\n    ')}`;
        first = false;
      }
      return text;
    },
    end(summary) {
      const totals = {
        files: summary.files,
        drafts: summary.drafts,
        errors: summary.errors,
        warnings: summary.warnings,
        fixable: summary.fixable,
        inmails: summary.inmails,
        inmailCostUsd: summary.inmailCostUsd,
      };
      const opening = first ? '{\n  "version": 1,\n  "files": [],\n' : '\n  ],\n';
      return `${opening}  "summary": ${JSON.stringify(totals, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
    },
  };
};

const json: Formatter = wholeReport(stream);

export default json;

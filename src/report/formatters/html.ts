import { wholeReport, type Formatter, type StreamingFormat } from './types.js';
export const needsSource = true;
export const stream: StreamingFormat = () => ({ files: () => '', end: () => '' });
const html: Formatter = wholeReport(stream);
export default html;

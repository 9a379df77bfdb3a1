/** The check the length rules share: measure the draft, and report from the first character past `max`. */
import type { Draft, RuleContext } from '../types.js';
import { measureDraft } from '../text/measure.js';

export function reportOverLength(context: RuleContext<unknown>, draft: Draft, max: number, data: Record<string, string | number> = {}): void {
  const measure = measureDraft(draft, context.settings);
  if (measure.length <= max) return;
  context.report({ messageId: 'tooLong', data: { length: measure.length, max, ...data }, draft, start: Math.max(measure.overflowAt(max), 0) });
}

/** Where a rule's documentation page lives. */
export const REPOSITORY_URL = 'https://github.com/dmlint/dmlint';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

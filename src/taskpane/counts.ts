import type { Translator } from '../i18n';

/** "Found: 3 errors, 1 warning." with each count's own plural form (the catalogues format the counts for the locale). */
export function countText(t: Translator, errors: number, warnings: number): string {
  return t.t('taskpane.check.result', {
    errors: t.t('taskpane.check.errors', { count: errors }),
    warnings: t.t('taskpane.check.warnings', { count: warnings }),
  });
}

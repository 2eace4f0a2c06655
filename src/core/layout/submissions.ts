/**
 * What the generated sheets say about the submission workflow (section 6):
 * how many reports are accepted, submitted, returned and still drafts, and,
 * when only accepted reports were consolidated, which were left out.
 */
import type { Translator } from '../translator';
import type { Consolidation } from '../consolidate';
import { REPORT_STATUSES } from '../submissions';

export function statusCounts(c: Consolidation, t: Translator): string {
  const counts = REPORT_STATUSES.map((s) => ({ s, n: c.libraries.byStatus[s] }));
  // Accepted first: it is what a manager reading the sheet asks about.
  counts.sort((a, b) => Number(b.s === 'accepted') - Number(a.s === 'accepted'));
  const list = counts.map(({ s, n }) => `${t.t(`enum.report_status.${s}`)}: ${t.number(n)}`).join(', ');
  return t.t(c.acceptedOnly ? 'generated.statuses_accepted_only' : 'generated.statuses', { list });
}

/** The counts, and the reports left out for not being accepted (a line of the Summary). */
export function statusLine(c: Consolidation, t: Translator): string {
  const head = statusCounts(c, t);
  const out = c.libraries.notAccepted;
  return out.length === 0
    ? head
    : `${head} ${t.t('generated.not_accepted', { n: out.length, list: out.map((x) => x.libId).join(', ') })}`;
}

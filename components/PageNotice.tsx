/**
 * One plain sentence about the tab the popup looks at, when there is something to explain:
 * a page extensions may not read, a page that could not be read, Standpoint switched off there,
 * or a page that names nobody the packs know.
 */
import { t } from '@/utils/i18n';
import type { PageStatus } from '@/utils/pages/page-report';

/** The sentence for a page status, or null when the page needs no explanation. */
export function pageNoticeText(status: PageStatus | null, enabled: boolean): string | null {
  if (status === null) return t('noticeLooking');
  switch (status.kind) {
    case 'none':
      return t('noticeNoTab');
    case 'unreachable':
      return t('noticeUnreachable');
    case 'error':
      return t('noticeError', status.message);
    case 'report':
      if (!enabled) return t('noticeOff', status.report.host, t('siteSwitch'));
      if (status.report.actorIds.length === 0) return t('noticeNobody');
      return null;
  }
}

/** Renders the sentence, if any, as a polite live region. */
export function PageNotice({ status, enabled }: { status: PageStatus | null; enabled: boolean }) {
  const text = pageNoticeText(status, enabled);
  return text ? (
    <p class="sp-notice" role="status">
      {text}
    </p>
  ) : null;
}

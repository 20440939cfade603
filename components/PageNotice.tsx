/**
 * One plain sentence about the tab the popup looks at, when there is something to explain:
 * a page extensions may not read, a page that could not be read, Standpoint switched off there,
 * or a page that names nobody the packs know.
 */
import type { PageStatus } from '@/utils/pages/page-report';

/** The sentence for a page status, or null when the page needs no explanation. */
export function pageNoticeText(status: PageStatus | null, enabled: boolean): string | null {
  if (status === null) return 'Looking at this tab…';
  switch (status.kind) {
    case 'none':
      return 'There is no tab to look at. You can still pick people and compare them.';
    case 'unreachable':
      return (
        'Standpoint cannot read this tab. Browser pages (such as settings or the new tab page), ' +
        'extension stores and files the browser shows itself do not let extensions in, and a tab ' +
        'opened before Standpoint was installed needs a reload. You can still pick people from ' +
        'the full list and compare them.'
      );
    case 'error':
      return `Standpoint could not read this page: ${status.message} You can still pick people from the full list.`;
    case 'report':
      if (!enabled)
        return `Standpoint is off on ${status.report.host}: it does not look for names there. Untick “Off on this site” to switch it back on.`;
      if (status.report.actorIds.length === 0)
        return 'This page names nobody the installed packs know. Pick people from the list to compare them.';
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

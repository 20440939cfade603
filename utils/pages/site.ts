/**
 * The per-site switch as a pure edit of the disabled-sites list. The popup saves the result
 * with `saveSettings`; the tab's content script watches the settings and reacts at once.
 */
import type { Settings } from '../settings';
import { isSiteDisabled } from '../settings-reader';

/** Whether Standpoint runs on this host under these settings. */
export function siteEnabled(settings: Settings, host: string): boolean {
  return !isSiteDisabled(settings, host);
}

/**
 * The disabled-sites list after switching `host` off or on.
 * - Off adds the host itself (lower case), once.
 * - On removes every entry that covers the host: the host and any parent domain listed
 *   (otherwise the switch would not take effect). Re-enabling a parent domain re-enables its
 *   other subdomains too; the options page lists sites for finer edits.
 */
export function withSite(
  disabledSites: readonly string[],
  host: string,
  enabled: boolean,
): string[] {
  const h = host.toLowerCase();
  if (!enabled) return disabledSites.includes(h) ? [...disabledSites] : [...disabledSites, h];
  return disabledSites.filter((site) => !(h === site || h.endsWith(`.${site}`)));
}

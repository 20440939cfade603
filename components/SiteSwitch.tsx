/**
 * The per-site switch. A checkbox that reads as it is labelled, "Off on this site", with the
 * host beside it so the reader sees exactly which site the choice sticks to.
 */
import { t } from '@/utils/i18n';

export interface SiteSwitchProps {
  host: string;
  /** True while Standpoint runs on this host. */
  enabled: boolean;
  /** True while a change is being saved. */
  busy?: boolean;
  onChange: (enabled: boolean) => void;
}

/** Renders the switch; `onChange(false)` means "switch Standpoint off here". */
export function SiteSwitch({ host, enabled, busy = false, onChange }: SiteSwitchProps) {
  return (
    <label class="sp-site">
      <input
        type="checkbox"
        checked={!enabled}
        disabled={busy}
        onChange={(e) => onChange(!(e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{t('siteSwitch')}</span>
      <span class="sp-site-host">({host})</span>
    </label>
  );
}

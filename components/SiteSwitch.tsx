/**
 * The per-site switch. A checkbox that reads as it is labelled, "Off on this site", with the
 * host beside it so the reader sees exactly which site the choice sticks to.
 */
export const SITE_SWITCH_CSS = `
.sp-site { display: inline-flex; align-items: center; gap: 6px; font: 13px/18px system-ui, sans-serif;
  color: var(--sp-fg); }
.sp-site input:focus-visible { outline: 2px solid var(--sp-focus); outline-offset: 1px; }
.sp-site-host { color: var(--sp-muted); font-size: 12px; overflow-wrap: anywhere; }
`;

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
      <span>Off on this site</span>
      <span class="sp-site-host">({host})</span>
    </label>
  );
}

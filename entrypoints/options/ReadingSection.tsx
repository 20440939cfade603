/** The reading settings: highlight style, hover delay, sites where Standpoint stays off. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { HIGHLIGHT_STYLES, HOVER_DELAY_RANGE_MS } from '@/utils/settings-reader';
import { t, type MessageKey } from '@/utils/i18n';
import type { OptionsDeps } from './api';
import { Notice, type NoticeState } from './Notice';

const STYLE_LABELS: Record<Settings['highlightStyle'], MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  none: 'styleNone',
};

/** Which control a notice belongs to: it is shown beside that control only. */
type Control = 'style' | 'delay' | 'sites' | 'imported';

export function ReadingSection({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [notice, setNotice] = useState<{ control: Control; notice: NoticeState } | null>(null);
  const noticeFor = (control: Control) => (
    <Notice notice={notice?.control === control ? notice.notice : null} />
  );

  useEffect(() => {
    void deps.settings.load().then(setSettings);
  }, [deps]);

  async function save(control: Control, patch: Partial<Settings>, done: string) {
    try {
      setSettings(await deps.settings.save(patch));
      setNotice({ control, notice: { ok: true, text: done } });
    } catch {
      setNotice({ control, notice: { ok: false, text: t('settingNotSaved') } });
    }
  }

  function addSite(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const host = hostFromInput(site);
    if (!host)
      return setNotice({ control: 'sites', notice: { ok: false, text: t('siteInvalid') } });
    if (settings.disabledSites.includes(host))
      return setNotice({ control: 'sites', notice: { ok: true, text: t('siteListed', host) } });
    setSite('');
    void save('sites', { disabledSites: [...settings.disabledSites, host] }, t('siteOff', host));
  }

  if (!settings) return <section aria-label={t('readingTitle')}>{t('loading')}</section>;
  return (
    <section aria-labelledby="reading-h">
      <h2 id="reading-h">{t('readingTitle')}</h2>
      <label>
        {t('styleLabel')}{' '}
        <select
          value={settings.highlightStyle}
          onChange={(e) =>
            void save(
              'style',
              { highlightStyle: e.currentTarget.value as Settings['highlightStyle'] },
              t('styleSaved'),
            )
          }
        >
          {HIGHLIGHT_STYLES.map((s) => (
            <option key={s} value={s}>
              {t(STYLE_LABELS[s])}
            </option>
          ))}
        </select>
      </label>
      {noticeFor('style')}
      <label>
        {t('delayLabel')}{' '}
        <input
          type="number"
          min={HOVER_DELAY_RANGE_MS.min}
          max={HOVER_DELAY_RANGE_MS.max}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const ms = Number(e.currentTarget.value);
            if (
              !Number.isInteger(ms) ||
              ms < HOVER_DELAY_RANGE_MS.min ||
              ms > HOVER_DELAY_RANGE_MS.max
            ) {
              setNotice({
                control: 'delay',
                notice: {
                  ok: false,
                  text: t('delayInvalid', HOVER_DELAY_RANGE_MS.min, HOVER_DELAY_RANGE_MS.max),
                },
              });
              return;
            }
            void save('delay', { hoverDelayMs: ms }, t('delaySaved', ms));
          }}
        />
      </label>
      {noticeFor('delay')}
      <label>
        <input
          type="checkbox"
          checked={settings.importedOnPages}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void save(
              'imported',
              { importedOnPages: on },
              t(on ? 'importedOnPagesOn' : 'importedOnPagesOff'),
            );
          }}
        />{' '}
        {t('importedOnPagesLabel')}
      </label>
      {noticeFor('imported')}
      <h3>{t('sitesTitle')}</h3>
      {settings.disabledSites.length === 0 ? (
        <p class="empty">{t('sitesNone')}</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((s) => (
            <li key={s}>
              {s}{' '}
              <button
                type="button"
                aria-label={t('siteOnAgainLabel', s)}
                onClick={() =>
                  void save(
                    'sites',
                    { disabledSites: settings.disabledSites.filter((x) => x !== s) },
                    t('siteOnAgain', s),
                  )
                }
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addSite}>
        <label>
          {t('siteTurnOffOn')}{' '}
          <input
            type="text"
            placeholder="example.com"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">{t('add')}</button>
      </form>
      {noticeFor('sites')}
    </section>
  );
}

/** `https://www.Example.com/x` or `example.com` -> `www.example.com` / `example.com`; null if not a host. */
export function hostFromInput(input: string): string | null {
  const t = input.trim().toLowerCase();
  if (!t) return null;
  try {
    const host = new URL(t.includes('://') ? t : `https://${t}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

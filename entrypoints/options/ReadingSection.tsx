/** The reading settings: highlight style, hover delay, sites where Standpoint stays off. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { HIGHLIGHT_STYLES, HOVER_DELAY_RANGE_MS } from '@/utils/settings-reader';
import type { OptionsDeps } from './api';
import { Notice, type NoticeState } from './Notice';

const STYLE_LABELS: Record<Settings['highlightStyle'], string> = {
  underline: 'Underline',
  background: 'Tinted background',
  none: 'No highlight (hover still works)',
};

export function ReadingSection({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [notice, setNotice] = useState<NoticeState>(null);

  useEffect(() => {
    void deps.settings.load().then(setSettings);
  }, [deps]);

  async function save(patch: Partial<Settings>, done: string) {
    try {
      setSettings(await deps.settings.save(patch));
      setNotice({ ok: true, text: done });
    } catch {
      setNotice({
        ok: false,
        text: 'That setting could not be saved; the previous value is kept.',
      });
    }
  }

  function addSite(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const host = hostFromInput(site);
    if (!host) return setNotice({ ok: false, text: 'Enter a site such as example.com.' });
    if (settings.disabledSites.includes(host))
      return setNotice({ ok: true, text: `${host} is already listed.` });
    setSite('');
    void save(
      { disabledSites: [...settings.disabledSites, host] },
      `Standpoint is now off on ${host}.`,
    );
  }

  if (!settings) return <section aria-label="Reading">Loading…</section>;
  return (
    <section aria-labelledby="reading-h">
      <h2 id="reading-h">Reading</h2>
      <label>
        Highlight names{' '}
        <select
          value={settings.highlightStyle}
          onChange={(e) =>
            void save(
              { highlightStyle: e.currentTarget.value as Settings['highlightStyle'] },
              'Highlight style saved.',
            )
          }
        >
          {HIGHLIGHT_STYLES.map((s) => (
            <option key={s} value={s}>
              {STYLE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hover delay before a card opens (milliseconds){' '}
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
                ok: false,
                text: `Choose a delay between ${HOVER_DELAY_RANGE_MS.min} and ${HOVER_DELAY_RANGE_MS.max} milliseconds.`,
              });
              return;
            }
            void save({ hoverDelayMs: ms }, `Cards open after ${ms} ms.`);
          }}
        />
      </label>
      <h3>Sites where Standpoint is off</h3>
      {settings.disabledSites.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((s) => (
            <li key={s}>
              {s}{' '}
              <button
                type="button"
                aria-label={`Turn Standpoint back on for ${s}`}
                onClick={() =>
                  void save(
                    { disabledSites: settings.disabledSites.filter((x) => x !== s) },
                    `Standpoint is on again on ${s}.`,
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addSite}>
        <label>
          Turn off on{' '}
          <input
            type="text"
            placeholder="example.com"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">Add</button>
      </form>
      <Notice notice={notice} />
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

/**
 * Choosing whom to compare: real checkboxes in a fieldset, the people found on the tab first
 * with their mention counts, then everyone else the packs know. At the limit the remaining boxes
 * are disabled and the hint says why, rather than a pick being dropped silently.
 */
import type { PickerEntry, PickerList } from '@/utils/pages/pick';
import { UnverifiedMark } from './Evidence';
import { t, tn } from '@/utils/i18n';

export interface PersonPickerProps {
  list: PickerList;
  picked: readonly string[];
  /** Most actors that may be picked; `null` for no limit (the comparison page). */
  max: number | null;
  /** Fewest actors a comparison needs, for the hint. */
  min: number;
  onChange: (picked: string[]) => void;
  /** The fieldset's legend. */
  legend?: string;
  /** Actors an update changed since the reader last looked: marked "updated". */
  updated?: ReadonlySet<string>;
}

/** Renders the picker; `onChange` gets the new selection in the order of picking. */
export function PersonPicker(props: PersonPickerProps) {
  const { list, picked, max, min, onChange, legend = t('pickerLegend'), updated } = props;
  const full = max !== null && picked.length >= max;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...picked.filter((p) => p !== id), id] : picked.filter((p) => p !== id));
  const hint =
    max === null
      ? t('pickerPicked', picked.length)
      : full
        ? t('pickerFull', picked.length, max)
        : picked.length < min
          ? t('pickerTooFew', min, max, picked.length)
          : t('pickerOf', picked.length, max);
  const item = (e: PickerEntry) => {
    const checked = picked.includes(e.actor.id);
    return (
      <li key={e.actor.id}>
        <label title={e.actor.role}>
          <input
            type="checkbox"
            name="actor"
            value={e.actor.id}
            checked={checked}
            disabled={!checked && full}
            onChange={(ev) => toggle(e.actor.id, (ev.currentTarget as HTMLInputElement).checked)}
          />
          <span>{e.actor.name}</span>
          {e.actor.kind === 'group' && <span class="sp-picker-kind">{t('pickerGroup')}</span>}
          <UnverifiedMark pack={e.actor.definedBy} />
          {e.count > 0 && <span class="sp-picker-count">{tn('pickerMentions', e.count)}</span>}
          {updated?.has(e.actor.id) && (
            <span class="sp-picker-updated" title={t('pickerUpdatedTitle')}>
              {t('markUpdated')}
            </span>
          )}
        </label>
      </li>
    );
  };
  return (
    <fieldset class="sp-picker" aria-describedby="sp-picker-hint">
      <legend>{legend}</legend>
      <p class="sp-picker-hint" id="sp-picker-hint" aria-live="polite">
        {hint}
      </p>
      {list.onPage.length > 0 && (
        <>
          <h2 id="sp-picker-on-page">{t('pickerOnPage')}</h2>
          <ul aria-labelledby="sp-picker-on-page">{list.onPage.map(item)}</ul>
        </>
      )}
      {list.others.length > 0 && (
        <>
          <h2 id="sp-picker-others">
            {t(list.onPage.length > 0 ? 'pickerEveryoneElse' : 'pickerEveryone')}
          </h2>
          <ul aria-labelledby="sp-picker-others">{list.others.map(item)}</ul>
        </>
      )}
    </fieldset>
  );
}

/**
 * A tiny Preact hook for "load this, show loading, then the result": the newest request wins,
 * so a slow answer for an old selection never overwrites the answer for the current one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../views';
import { t } from '@/utils/i18n';

export type Loadable<T> = { state: 'loading' } | { state: 'done'; result: Result<T> };

/** Runs `load` whenever `key` changes; `null` load means "nothing to load" (stays idle). */
export function useResult<T>(
  load: (() => Promise<Result<T>>) | null,
  key: string,
): Loadable<T> | null {
  const [value, setValue] = useState<Loadable<T> | null>(null);
  useEffect(() => {
    if (!load) {
      setValue(null);
      return;
    }
    let current = true;
    setValue({ state: 'loading' });
    load().then(
      (result) => current && setValue({ state: 'done', result }),
      (e: unknown) => {
        // The reader gets a sentence; the technical detail goes to the console.
        console.error('Standpoint: loading failed', e);
        if (current) setValue({ state: 'done', result: { ok: false, error: t('loadFailed') } });
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` depends on.
  }, [key]);
  return value;
}

/**
 * The options page: feeds and how often they are checked, installed packs (import, roll back),
 * and the reading settings. Each action says how it went once, beside its own control (a feed's
 * check in that feed's line, not again in a page-wide line). Everything it talks to arrives in `deps` (api.ts, with `ask` for the background), so tests render
 * it with plain objects.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SyncState } from '@/utils/messaging';
import type { PackInfo, Result } from '@/utils/views';
import type { OptionsDeps } from './api';
import { FeedsSection } from './FeedsSection';
import { PacksSection } from './PacksSection';
import { ReadingSection } from './ReadingSection';

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [sync, setSync] = useState<Result<SyncState> | null>(null);
  const [packs, setPacks] = useState<Result<PackInfo[]> | null>(null);

  const reload = useCallback(async () => {
    const [s, p] = await Promise.all([deps.ask('getSyncStatus', {}), deps.ask('listPacks', {})]);
    setSync(s);
    setPacks(p);
  }, [deps]);

  useEffect(() => {
    void reload();
    return deps.watchSync(() => void reload());
  }, [reload, deps]);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <FeedsSection deps={deps} sync={sync} reload={reload} />
      <PacksSection deps={deps} packs={packs} reload={reload} />
      <ReadingSection deps={deps} />
    </main>
  );
}

import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { RULE_VOCABULARY } from '@/utils/spotting/rule-vocabulary';
import { useVocabulary } from '@/utils/spotting/rule-words';

// The rules' vocabulary, as a page has it once its dictionary arrived.
useVocabulary(RULE_VOCABULARY);

/** The browser's message lookup, in English: `$1`… filled in, `$$` a dollar sign. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = (en as Record<string, { message: string }>)[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$(\d|\$)/g, (_, d: string) =>
    d === '$' ? '$' : (list[Number(d) - 1] ?? ''),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

/**
 * The words of our own interface in the reader's language, from the browser's i18n
 * (`public/_locales/<lang>/messages.json`, which WXT copies into the build; English is the
 * default locale). Pack content (names, propositions, summaries, quotes) stays in its own
 * language and never passes through here.
 *
 * `t(key, ...)` fills `$1`…`$9` with the substitutions; `tn(key, n, ...)` picks the plural form
 * of `n` (`key_one`, `key_few`, `key_many`, `key_other`, as `Intl.PluralRules` names them in the
 * interface language) and passes the formatted count as `$1`. A unit test
 * (test/unit/i18n/locales.test.ts) fails when a locale lacks a key, a plural form or a
 * substitution.
 *
 * Only extension pages, the background and the card bundle import this: the always-on content
 * script carries no interface text.
 */
import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';
import { formatNumber } from './format';

/** Every message key English defines. */
export type MessageKey = keyof typeof en;

/** Keys with plural forms, named without their `_one` / `_other` suffix. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

type Sub = string | number;

/** The interface text for `key`, with `$1`… filled from `subs`; the key itself if a build lacks it. */
export function t(key: MessageKey, ...subs: Sub[]): string {
  return message(key, subs) || key;
}

function message(key: string, subs: Sub[]): string {
  // Plural keys are built at run time, so the lookup takes any name (WXT types it by the keys).
  const lookup = browser.i18n.getMessage as (name: string, subs: string[]) => string | undefined;
  return lookup(key, subs.map(String)) ?? '';
}

let plurals: Intl.PluralRules | undefined;

/** The plural form of `key` for the count `n` (`$1` is `n` formatted for the reader). */
export function tn(key: PluralKey, n: number, ...subs: Sub[]): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const all = [formatNumber(n), ...subs];
  return message(`${key}_${plurals.select(n)}`, all) || t(`${key}_other` as MessageKey, ...all);
}

/** The browser's interface language (`de`, `en-US`), which picks the locale of the messages. */
function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * Puts an extension page in the reader's language: `<html lang>` names the language its
 * messages are in (so screen readers pronounce them right) and the title is translated.
 */
export function localizeDocument(title: MessageKey, doc: Document = document): void {
  doc.documentElement.lang = t('htmlLang');
  doc.title = t(title);
}

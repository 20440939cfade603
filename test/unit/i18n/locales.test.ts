/**
 * Every locale says everything English says: the same keys, every plural form its language
 * needs (as `Intl.PluralRules` names them), the same substitutions, and nothing the code never
 * asks for. A locale that lacks a key fails here instead of showing the raw key to a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');
/** The languages Standpoint speaks; English is the default locale. */
const LOCALES = ['en', 'de', 'fr', 'uk'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

const en = read('en');
/** Keys without plural forms, and the bases of the keys with them. */
const plain = Object.keys(en).filter((k) => !PLURAL.test(k));
const pluralBases = [
  ...new Set(
    Object.keys(en)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, '')),
  ),
];
/** `$1`, `$2`… a message uses, sorted. */
const substitutions = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();

describe('locales', () => {
  it('are exactly the four Standpoint speaks', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...LOCALES].sort());
  });

  it('English has every plural base with an `other` form', () => {
    for (const base of pluralBases) expect(en, base).toHaveProperty(`${base}_other`);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = read(locale);
      const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

      it('has every key, with a non-empty message', () => {
        const missing = plain.filter((k) => !messages[k]?.message.trim());
        expect(missing, `${locale} lacks`).toEqual([]);
      });

      it('has every plural form its language needs', () => {
        const missing = pluralBases.flatMap((base) =>
          forms.map((f) => `${base}_${f}`).filter((k) => !messages[k]?.message.trim()),
        );
        expect(missing, `${locale} lacks`).toEqual([]);
      });

      it('has no key English does not know', () => {
        const extra = Object.keys(messages).filter(
          (k) => !(k in en) && !pluralBases.includes(k.replace(PLURAL, '')),
        );
        expect(extra).toEqual([]);
      });

      it('fills the same substitutions as English', () => {
        const differ = Object.keys(messages).filter((k) => {
          const enKey = k in en ? k : `${k.replace(PLURAL, '')}_other`;
          return (
            substitutions(messages[k]!.message).join() !== substitutions(en[enKey]!.message).join()
          );
        });
        expect(differ).toEqual([]);
      });
    });
  }
});

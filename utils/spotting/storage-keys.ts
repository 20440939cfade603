/**
 * The `storage.local` keys of the dictionary the background publishes for pages
 * (utils/spotting/stored-dictionary.ts). A module of its own, without imports, so the content
 * script's loader can name them without taking in anything else (entrypoints/content-loader.ts).
 */

/** `storage.local` key of the dictionary. */
export const DICTIONARY_KEY = 'dictionary';
/** `storage.local` key of its version alone (WXT's `local:dictionaryVersion`), written with it. */
export const DICTIONARY_VERSION_KEY = 'dictionaryVersion';

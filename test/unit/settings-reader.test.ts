import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/utils/settings';
import { DEFAULT_SETTINGS, isSiteDisabled, readSettings } from '@/utils/settings-reader';

/** Stored values of every kind: the plain reading must agree with the schema's on each. */
const SAMPLES: unknown[] = [
  undefined,
  null,
  {},
  { highlightStyle: 'background' },
  { highlightStyle: 'none', hoverDelayMs: 150, disabledSites: ['example.com'] },
  { hoverDelayMs: 2000 },
  { hoverDelayMs: 2001 },
  { hoverDelayMs: 149 },
  { hoverDelayMs: 400.5 },
  { hoverDelayMs: '400' },
  { hoverDelayMs: Number.NaN },
  { highlightStyle: 'blink' },
  { disabledSites: [''] },
  { disabledSites: ['a'.repeat(253)] },
  { disabledSites: ['a'.repeat(254)] },
  { disabledSites: 'example.com' },
  { disabledSites: [1] },
  { disabledSites: Array(10_000).fill('a.com') },
  { disabledSites: Array(10_001).fill('a.com') },
  { extra: true },
  { highlightStyle: undefined },
  [],
  'settings',
  42,
];

describe('readSettings (content scripts, no schema)', () => {
  it('reads every stored value as the schema does', () => {
    for (const raw of SAMPLES) expect(readSettings(raw)).toEqual(parseSettings(raw));
  });

  it('hands out fresh defaults that a caller may change', () => {
    const a = readSettings(null);
    a.disabledSites.push('example.com');
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('switches off a site and its subdomains', () => {
    const s = readSettings({ disabledSites: ['example.com'] });
    expect(isSiteDisabled(s, 'example.com')).toBe(true);
    expect(isSiteDisabled(s, 'News.Example.com')).toBe(true);
    expect(isSiteDisabled(s, 'badexample.com')).toBe(false);
  });
});

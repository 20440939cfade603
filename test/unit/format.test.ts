import { describe, expect, it } from 'vitest';
import {
  clip,
  errorMessage,
  formatBytes,
  formatDate,
  formatDateTime,
  formatNumber,
  hostOf,
} from '@/utils/format';

describe('formatBytes', () => {
  it('writes sizes in binary units, as the limits are set', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
    expect(formatBytes(5 * 1024 + 10)).toBe('5 KiB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8 MiB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MiB');
  });

  it('writes numbers in the reader’s locale', () => {
    expect(formatBytes(2.4 * 1024 * 1024, 'de')).toBe('2,4 MiB');
    expect(formatNumber(12345, 0, 'en')).toBe('12,345');
    expect(formatNumber(12345, 0, 'de')).toBe('12.345');
  });
});

describe('hostOf and clip', () => {
  it('shows the host of a URL, or the text when it is none', () => {
    expect(hostOf('https://news.example.org/feed.json')).toBe('news.example.org');
    expect(hostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(hostOf('not a url')).toBe('not a url');
  });

  it('clips long text with an ellipsis and leaves short text alone', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });
});

describe('errorMessage', () => {
  it('reads the message of an Error and the text of anything else', () => {
    expect(errorMessage(new TypeError('bad'))).toBe('bad');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('formatDate', () => {
  it('formats ISO dates and returns what it cannot read', () => {
    expect(formatDate('2025-08-15', 'en')).toBe('Aug 15, 2025');
    expect(formatDate('2025-08-15T23:30:00Z', 'en')).toBe('Aug 15, 2025');
    expect(formatDate('soon')).toBe('soon');
  });

  it('writes days and moments in one style per locale', () => {
    expect(formatDate('2025-08-15', 'de')).toBe('15.08.2025');
    expect(formatDate('2025-08-15', 'fr')).toBe('15 août 2025');
    const moment = formatDateTime('2026-12-01T23:31:59Z', 'en');
    expect(moment).toMatch(/^(Dec 1|Dec 2), 2026, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(moment).not.toContain(':59');
    expect(formatDateTime('2026-12-01T12:00:00Z', 'de')).toMatch(/^0?[12]\.12\.2026, \d{2}:\d{2}$/);
    expect(formatDateTime('later')).toBe('later');
  });
});

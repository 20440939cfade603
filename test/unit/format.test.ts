import { describe, expect, it } from 'vitest';
import { clip, errorMessage, formatBytes, formatDate, hostOf } from '@/utils/format';

describe('formatBytes', () => {
  it('writes sizes in binary units, as the limits are set', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
    expect(formatBytes(5 * 1024 + 10)).toBe('5 KiB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8 MiB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MiB');
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
    expect(formatDate('2025-08-15')).toBe('Aug 15, 2025');
    expect(formatDate('soon')).toBe('soon');
  });
});

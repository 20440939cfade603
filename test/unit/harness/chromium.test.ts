import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium, whichOnPath } from '../../e2e/harness/chromium';

/** A pretend file system: only the listed paths are executables. */
const executables = (...files: string[]) => {
  const set = new Set(files);
  return (file: string) => set.has(file);
};

describe('findChromium', () => {
  it('prefers CHROME_PATH', () => {
    const found = findChromium(
      { CHROME_PATH: '/opt/mine/chrome', PATH: '/usr/bin' },
      executables('/opt/mine/chrome', '/usr/bin/chromium'),
    );
    expect(found).toBe('/opt/mine/chrome');
  });

  it('refuses a CHROME_PATH that is not an executable instead of looking elsewhere', () => {
    expect(() =>
      findChromium({ CHROME_PATH: '/nope', PATH: '/usr/bin' }, executables('/usr/bin/chromium')),
    ).toThrow(/CHROME_PATH.*\/nope/);
  });

  it('takes the first known name on the PATH, in order of preference', () => {
    const found = findChromium(
      { PATH: '/a:/b' },
      executables('/a/google-chrome', '/b/chromium', '/usr/bin/chromium'),
    );
    expect(found).toBe('/b/chromium');
  });

  it('falls back to the usual install paths', () => {
    expect(findChromium({ PATH: '/nothing' }, executables('/opt/google/chrome/chrome'))).toBe(
      '/opt/google/chrome/chrome',
    );
  });

  it('throws with install instructions when there is no browser', () => {
    const find = () => findChromium({ PATH: '/nothing' }, executables());
    expect(find).toThrow(ChromiumNotFoundError);
    expect(find).toThrow(/apt-get install chromium/);
    expect(find).toThrow(/CHROME_PATH/);
  });
});

describe('whichOnPath', () => {
  it('skips empty PATH entries and returns the first match', () => {
    expect(whichOnPath('chromium', ':/x:/y', executables('/y/chromium'))).toBe('/y/chromium');
    expect(whichOnPath('chromium', '', executables('/y/chromium'))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  BrowserSetupError,
  DEBIAN_CHROMIUM_LOCALES,
  ensureBrowsers,
  familyFromOsRelease,
  findBrowser,
  installCommand,
  missingBrowsersError,
  whichOnPath,
  type SystemInfo,
} from '../../../scripts/browsers';

/** A pretend file system: only the listed paths are executables. */
const executables = (...files: string[]) => {
  const set = new Set(files);
  return (file: string) => set.has(file);
};

const debian = (over: Partial<SystemInfo> = {}): SystemInfo => ({
  family: 'debian',
  isRoot: false,
  passwordlessSudo: false,
  hasSudo: false,
  ...over,
});

describe('findBrowser', () => {
  it('prefers CHROME_PATH / FIREFOX_PATH', () => {
    const files = executables('/opt/mine/chrome', '/usr/bin/chromium', '/opt/ff/firefox');
    expect(
      findBrowser('chromium', { CHROME_PATH: '/opt/mine/chrome', PATH: '/usr/bin' }, files),
    ).toBe('/opt/mine/chrome');
    expect(findBrowser('firefox', { FIREFOX_PATH: '/opt/ff/firefox', PATH: '' }, files)).toBe(
      '/opt/ff/firefox',
    );
  });

  it('refuses a variable that is not an executable instead of looking elsewhere', () => {
    expect(() =>
      findBrowser(
        'chromium',
        { CHROME_PATH: '/nope', PATH: '/usr/bin' },
        executables('/usr/bin/chromium'),
      ),
    ).toThrow(/CHROME_PATH.*\/nope/);
  });

  it('takes the first known name on the PATH, in order of preference', () => {
    const files = executables('/a/google-chrome', '/b/chromium', '/b/firefox', '/a/firefox-esr');
    expect(findBrowser('chromium', { PATH: '/a:/b' }, files)).toBe('/b/chromium');
    expect(findBrowser('firefox', { PATH: '/a:/b' }, files)).toBe('/a/firefox-esr');
  });

  it('falls back to the usual install paths, and to undefined', () => {
    const files = executables('/opt/google/chrome/chrome', '/usr/lib/firefox-esr/firefox-esr');
    expect(findBrowser('chromium', { PATH: '/nothing' }, files)).toBe('/opt/google/chrome/chrome');
    expect(findBrowser('firefox', { PATH: '/nothing' }, files)).toBe(
      '/usr/lib/firefox-esr/firefox-esr',
    );
    expect(findBrowser('firefox', { PATH: '/nothing' }, executables())).toBeUndefined();
  });
});

describe('the command a person is told to run', () => {
  it('names the Debian packages, with sudo or su as the machine has them', () => {
    expect(installCommand(['chromium', 'firefox'], debian({ hasSudo: true }))).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium chromium-l10n firefox-esr',
    );
    expect(installCommand(['firefox'], debian())).toBe(
      "su -c 'apt-get update && apt-get install -y --no-install-recommends firefox-esr'",
    );
    expect(installCommand(['chromium'], debian({ family: 'ubuntu', hasSudo: true }))).toMatch(
      /apt-get install -y --no-install-recommends chromium-browser$/,
    );
  });

  it('gives other systems their own package manager, or advice when unknown', () => {
    expect(installCommand(['firefox'], debian({ family: 'fedora' }))).toBe(
      'sudo dnf install -y firefox',
    );
    expect(installCommand(['chromium'], debian({ family: 'other' }))).toBeNull();
    expect(missingBrowsersError(['chromium'], debian()).message).toMatch(
      /^No Chromium or Chrome found .*\nInstalling it needs root/,
    );
    expect(missingBrowsersError(['chromium'], debian({ family: 'other' })).message).toMatch(
      /package manager.*CHROME_PATH/s,
    );
  });

  it('reads the distribution from /etc/os-release, derivatives by ID_LIKE', () => {
    expect(familyFromOsRelease('PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n')).toBe('debian');
    expect(familyFromOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('ubuntu');
    expect(familyFromOsRelease('ID=alpine\n')).toBe('other');
  });
});

describe('ensureBrowsers', () => {
  const none = { PATH: '/nothing' };

  it('stops with the one command when it may not install', () => {
    const run = () => {
      throw new Error('must not run anything');
    };
    const ensure = () =>
      ensureBrowsers(['chromium', 'firefox'], {
        env: none,
        system: debian(),
        isExecutable: () => false,
        run,
      });
    expect(ensure).toThrow(BrowserSetupError);
    expect(ensure).toThrow(
      /^No Chromium or Chrome and no Firefox found .*\nInstalling them needs root/,
    );
    expect(ensure).toThrow(
      "su -c 'apt-get update && apt-get install -y --no-install-recommends chromium chromium-l10n firefox-esr'",
    );
  });

  it('installs only what is missing with apt-get as root, printing each command', () => {
    const ran: string[] = [];
    const log: string[] = [];
    const files = new Set(['/usr/bin/chromium']);
    const result = ensureBrowsers(['chromium', 'firefox'], {
      env: none,
      system: debian({ isRoot: true }),
      isExecutable: (file) => files.has(file),
      exists: () => true,
      log: (line) => log.push(line),
      run: (argv) => {
        ran.push(argv.join(' '));
        if (argv[1] === 'install') files.add('/usr/bin/firefox-esr');
        return 0;
      },
    });
    expect(ran).toEqual([
      'apt-get update',
      'apt-get install -y --no-install-recommends firefox-esr',
    ]);
    expect(log).toContain('$ apt-get install -y --no-install-recommends firefox-esr');
    expect(result).toEqual({ chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' });
  });

  it('uses sudo when not root, and says so', () => {
    const log: string[] = [];
    const ensure = () =>
      ensureBrowsers(['chromium'], {
        env: none,
        system: debian({ hasSudo: true, passwordlessSudo: true }),
        isExecutable: () => false,
        log: (line) => log.push(line),
        run: () => 0,
      });
    // apt-get "succeeded" but no binary appeared: a clear error, not a crash later.
    expect(ensure).toThrow(/Installed chromium, but still found no Chromium/);
    expect(log).toContain('$ sudo apt-get update');
  });

  it('adds Chromium’s interface languages on Debian, with Chromium or alone', () => {
    const ran: string[] = [];
    const files = new Set(['/usr/bin/chromium']);
    let locales = false;
    ensureBrowsers(['chromium'], {
      env: none,
      system: debian({ isRoot: true }),
      isExecutable: (file) => files.has(file),
      exists: (file) => file === DEBIAN_CHROMIUM_LOCALES.marker && locales,
      log: () => undefined,
      run: (argv) => {
        ran.push(argv.join(' '));
        if (argv[1] === 'install') locales = true;
        return 0;
      },
    });
    expect(ran).toEqual([
      'apt-get update',
      'apt-get install -y --no-install-recommends chromium-l10n',
    ]);
    // Present: nothing to do.
    ran.length = 0;
    ensureBrowsers(['chromium'], {
      env: none,
      system: debian({ isRoot: true }),
      isExecutable: (file) => files.has(file),
      exists: () => true,
      run: () => {
        throw new Error('must not run anything');
      },
    });
    // Missing but not allowed to install: it says so and goes on (only the German test needs it).
    const log: string[] = [];
    const result = ensureBrowsers(['chromium'], {
      env: none,
      system: debian(),
      isExecutable: (file) => files.has(file),
      exists: () => false,
      log: (line) => log.push(line),
      run: () => {
        throw new Error('must not run anything');
      },
    });
    expect(result.chromium).toBe('/usr/bin/chromium');
    expect(log.join('\n')).toMatch(/apt-get install chromium-l10n/);
  });

  it('reports a failed apt-get as a setup error', () => {
    const ensure = () =>
      ensureBrowsers(['firefox'], {
        env: none,
        system: debian({ hasSudo: true, passwordlessSudo: true }),
        isExecutable: () => false,
        log: () => undefined,
        run: () => 100,
      });
    expect(ensure).toThrow(/apt-get update.*failed \(exit 100\)/);
  });
});

describe('whichOnPath', () => {
  it('skips empty PATH entries and returns the first match', () => {
    expect(whichOnPath('chromium', ':/x:/y', executables('/y/chromium'))).toBe('/y/chromium');
    expect(whichOnPath('chromium', '', executables('/y/chromium'))).toBeUndefined();
  });
});

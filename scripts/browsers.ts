/**
 * The browsers this project runs: Chromium (or Chrome) for `npm start` and the end-to-end tests,
 * Firefox (ESR on Debian) for the Firefox tests. One place finds them and, where one is missing
 * and the machine allows it (Debian or Ubuntu, as root or with passwordless sudo), installs it with
 * apt-get, printing each command first. Anywhere else it stops with the one command to run.
 *
 * Browsers only ever come from the system's package manager: nothing here downloads a build.
 * The command line is scripts/ensure-browsers.ts; `npm start`, `npm test`, the Firefox tests and
 * the CI script all go through `ensureBrowsers`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** The systems we know a package command for; `other` gets advice instead of a command. */
export type SystemFamily = 'debian' | 'ubuntu' | 'fedora' | 'arch' | 'macos' | 'other';

interface BrowserSpec {
  /** How messages name it. */
  label: string;
  /** An environment variable that points at the binary and wins over every search. */
  envVar: string;
  /** Executable names tried on the PATH, in order of preference. */
  names: readonly string[];
  /** Where systems usually install it when it is not on the PATH. */
  installPaths: readonly string[];
  /** The package that provides it, per system family. */
  packages: Record<Exclude<SystemFamily, 'other'>, string>;
}

export const BROWSERS: Record<BrowserKind, BrowserSpec> = {
  chromium: {
    label: 'Chromium or Chrome',
    envVar: 'CHROME_PATH',
    names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    installPaths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/lib/chromium/chromium',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    ],
    packages: {
      debian: 'chromium',
      ubuntu: 'chromium-browser',
      fedora: 'chromium',
      arch: 'chromium',
      macos: 'chromium',
    },
  },
  firefox: {
    label: 'Firefox',
    envVar: 'FIREFOX_PATH',
    names: ['firefox-esr', 'firefox'],
    installPaths: [
      '/usr/bin/firefox-esr',
      '/usr/lib/firefox-esr/firefox-esr',
      '/usr/bin/firefox',
      '/usr/lib/firefox/firefox',
      '/snap/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    ],
    packages: {
      debian: 'firefox-esr',
      ubuntu: 'firefox',
      fedora: 'firefox',
      arch: 'firefox-esr',
      macos: 'firefox@esr',
    },
  },
};

/** A browser is missing, or cannot be installed here; the message says what to run. */
export class BrowserSetupError extends Error {
  override name = 'BrowserSetupError';
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks `name` up on a PATH string the way a shell would. */
export function whichOnPath(
  name: string,
  pathVar = process.env.PATH ?? '',
  isExecutable = isExecutableFile,
): string | undefined {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The browser's binary: its environment variable, then the usual names on the PATH, then the usual
 * install paths; undefined when there is none.
 * @throws BrowserSetupError when the environment variable names something that is not executable
 *   (a typo there should not silently pick another browser).
 */
export function findBrowser(
  kind: BrowserKind,
  env: NodeJS.ProcessEnv = process.env,
  isExecutable = isExecutableFile,
): string | undefined {
  const spec = BROWSERS[kind];
  const fromEnv = env[spec.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new BrowserSetupError(
      `${spec.envVar} is set to "${fromEnv}", which is not an executable file. ` +
        `Point it at a ${spec.label} binary, or unset it to search the usual places.`,
    );
  }
  for (const name of spec.names) {
    const found = whichOnPath(name, env.PATH ?? '', isExecutable);
    if (found) return found;
  }
  return spec.installPaths.find((candidate) => isExecutable(candidate));
}

/** What we know of the machine, to decide between installing and giving the command. */
export interface SystemInfo {
  family: SystemFamily;
  isRoot: boolean;
  /** `sudo` exists and runs without asking for a password. */
  passwordlessSudo: boolean;
  /** `sudo` exists at all (the command we print uses it). */
  hasSudo: boolean;
}

/** Debian, Ubuntu and their derivatives by /etc/os-release (ID, then ID_LIKE). */
export function familyFromOsRelease(text: string): SystemFamily {
  const field = (key: string) =>
    (new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm').exec(text)?.[1] ?? '').toLowerCase().split(/\s+/);
  for (const id of [...field('ID'), ...field('ID_LIKE')]) {
    if (id === 'ubuntu') return 'ubuntu';
    if (id === 'debian') return 'debian';
    if (id === 'fedora' || id === 'rhel') return 'fedora';
    if (id === 'arch') return 'arch';
  }
  return 'other';
}

export function detectSystem(): SystemInfo {
  let family: SystemFamily = 'other';
  if (process.platform === 'darwin') family = 'macos';
  else if (process.platform === 'linux') {
    try {
      family = familyFromOsRelease(readFileSync('/etc/os-release', 'utf8'));
    } catch {
      family = 'other';
    }
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasSudo = !isRoot && whichOnPath('sudo') !== undefined;
  const passwordlessSudo =
    hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  return { family, isRoot, passwordlessSudo, hasSudo };
}

/**
 * Debian ships Chromium's interface languages apart, in `chromium-l10n`: without it Chromium is
 * in English whatever `--lang` or `LANGUAGE` say, and the German e2e test cannot run. It goes
 * with every Debian install of Chromium, and alone when Debian's Chromium is there without it.
 */
export const DEBIAN_CHROMIUM_LOCALES = {
  package: 'chromium-l10n',
  /** A file the package installs. */
  marker: '/usr/lib/chromium/locales/de.pak',
} as const;

/** The packages that install `kinds` on a system family, companions included. */
function packagesFor(
  kinds: readonly BrowserKind[],
  family: Exclude<SystemFamily, 'other'>,
): string[] {
  return kinds.flatMap((kind) => [
    BROWSERS[kind].packages[family],
    ...(kind === 'chromium' && family === 'debian' ? [DEBIAN_CHROMIUM_LOCALES.package] : []),
  ]);
}

/** The apt-get commands that install `packages`, as argument lists (run as root). */
export function aptCommands(packages: readonly string[]): string[][] {
  return [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
  ];
}

/** The one shell command a person runs to install `kinds` on this kind of system. */
export function installCommand(kinds: readonly BrowserKind[], system: SystemInfo): string | null {
  if (system.family === 'other') return null;
  const packages = packagesFor(kinds, system.family);
  switch (system.family) {
    case 'debian':
    case 'ubuntu': {
      const lines = aptCommands(packages).map((argv) => argv.join(' '));
      if (system.isRoot) return lines.join(' && ');
      if (system.hasSudo) return lines.map((line) => `sudo ${line}`).join(' && ');
      return `su -c '${lines.join(' && ')}'`;
    }
    case 'fedora':
      return `sudo dnf install -y ${packages.join(' ')}`;
    case 'arch':
      return `sudo pacman -S --needed ${packages.join(' ')}`;
    case 'macos':
      return `brew install --cask ${packages.join(' ')}`;
  }
}

/** Whether we may install by ourselves: apt-get on Debian or Ubuntu, as root or passwordless sudo. */
export function canInstall(system: SystemInfo): boolean {
  return (
    (system.family === 'debian' || system.family === 'ubuntu') &&
    (system.isRoot || system.passwordlessSudo)
  );
}

/** The error for browsers we may not install: what is missing and the one command to run. */
export function missingBrowsersError(
  kinds: readonly BrowserKind[],
  system: SystemInfo,
): BrowserSetupError {
  const what = kinds.map((kind) => BROWSERS[kind].label).join(' and no ');
  const vars = kinds.map((kind) => BROWSERS[kind].envVar).join(' / ');
  const command = installCommand(kinds, system);
  const why =
    system.family === 'debian' || system.family === 'ubuntu'
      ? `Installing ${kinds.length > 1 ? 'them' : 'it'} needs root (or sudo without a password), so run this and try again:`
      : 'Install it with your system, then try again:';
  return new BrowserSetupError(
    `No ${what} found (looked at ${vars}, the PATH and the usual install folders).\n` +
      (command
        ? `${why}\n\n    ${command}\n\n`
        : 'Install it with your system’s package manager, then try again. ') +
      `Or point ${vars} at a binary you already have.`,
  );
}

export interface EnsureOptions {
  env?: NodeJS.ProcessEnv;
  system?: SystemInfo;
  log?: (line: string) => void;
  /** Runs one command as root; defaults to spawning it (through sudo when not root). */
  run?: (argv: string[], system: SystemInfo) => number;
  /** Whether a path is an executable file; defaults to the file system. */
  isExecutable?: (file: string) => boolean;
  /** Whether a file exists; defaults to the file system. */
  exists?: (file: string) => boolean;
}

function runAsRoot(argv: string[], system: SystemInfo): number {
  const [cmd, ...args] = system.isRoot ? argv : ['sudo', '-n', ...argv];
  const result = spawnSync(cmd!, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status ?? 1;
}

/**
 * Finds each browser in `kinds`; installs the missing ones with apt-get where allowed (printing
 * each command), and returns their paths.
 * @throws BrowserSetupError with the command to run when a browser is missing and cannot be
 *   installed here, or when the installation failed.
 */
export function ensureBrowsers(
  kinds: readonly BrowserKind[],
  opts: EnsureOptions = {},
): Record<BrowserKind, string | undefined> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(line));
  const isExecutable = opts.isExecutable ?? isExecutableFile;
  const found: Record<BrowserKind, string | undefined> = {
    chromium: undefined,
    firefox: undefined,
  };
  for (const kind of kinds) found[kind] = findBrowser(kind, env, isExecutable);
  const missing = kinds.filter((kind) => !found[kind]);
  const exists = opts.exists ?? existsSync;
  // Debian's Chromium (it lives in /usr/lib/chromium) without its interface languages.
  const debianChromium = found.chromium?.startsWith('/usr/') && found.chromium.includes('chromium');
  const lacksLocales = !!debianChromium && !exists(DEBIAN_CHROMIUM_LOCALES.marker);
  if (missing.length === 0 && !lacksLocales) return found;

  const system = opts.system ?? detectSystem();
  if (missing.length === 0 && (system.family !== 'debian' || !canInstall(system))) {
    if (system.family === 'debian') {
      log(
        `Chromium's interface languages are missing (${DEBIAN_CHROMIUM_LOCALES.package}): ` +
          `the German e2e test needs them. Install them with: ` +
          `sudo apt-get install ${DEBIAN_CHROMIUM_LOCALES.package}`,
      );
    }
    return found;
  }
  if (!canInstall(system)) throw missingBrowsersError(missing, system);

  const packages = [
    ...packagesFor(missing, system.family as 'debian'),
    ...(lacksLocales && system.family === 'debian' ? [DEBIAN_CHROMIUM_LOCALES.package] : []),
  ];
  log(`Installing ${packages.join(', ')} with apt-get (not found on this machine):`);
  const run = opts.run ?? runAsRoot;
  for (const argv of aptCommands(packages)) {
    log(`$ ${system.isRoot ? '' : 'sudo '}${argv.join(' ')}`);
    const status = run(argv, system);
    if (status !== 0) {
      throw new BrowserSetupError(
        `\`${argv.join(' ')}\` failed (exit ${status}). Fix that, then try again; ` +
          `or install ${packages.join(' ')} yourself.`,
      );
    }
  }
  for (const kind of missing) {
    found[kind] = findBrowser(kind, env, isExecutable);
    if (!found[kind]) {
      throw new BrowserSetupError(
        `Installed ${BROWSERS[kind].packages[system.family as 'debian']}, but still found no ` +
          `${BROWSERS[kind].label}. Set ${BROWSERS[kind].envVar} to its binary.`,
      );
    }
  }
  return found;
}

/**
 * The path of a Chromium or Chrome binary, without installing anything.
 * @throws BrowserSetupError with the command to run when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  isExecutable = isExecutableFile,
): string {
  const found = findBrowser('chromium', env, isExecutable);
  if (!found) throw missingBrowsersError(['chromium'], detectSystem());
  return found;
}

/**
 * The path of a Firefox binary, without installing anything.
 * @throws BrowserSetupError with the command to run when there is none.
 */
export function findFirefox(
  env: NodeJS.ProcessEnv = process.env,
  isExecutable = isExecutableFile,
): string {
  const found = findBrowser('firefox', env, isExecutable);
  if (!found) throw missingBrowsersError(['firefox'], detectSystem());
  return found;
}

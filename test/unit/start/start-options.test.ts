import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartOptions } from '../../../scripts/start-options';

const cwd = path.resolve('/project');

describe('npm start options', () => {
  it('opens a window where a display exists', () => {
    expect(parseStartOptions([], { DISPLAY: ':0' }, cwd)).toEqual({
      headless: false,
      build: true,
      outDir: path.join(cwd, 'demo-output'),
    });
    expect(parseStartOptions([], { WAYLAND_DISPLAY: 'wayland-0' }, cwd).headless).toBe(false);
  });

  it('takes screenshots without a display, or when asked', () => {
    expect(parseStartOptions([], {}, cwd).headless).toBe(true);
    expect(parseStartOptions(['--headless'], { DISPLAY: ':0' }, cwd).headless).toBe(true);
  });

  it('reads --no-build and --out', () => {
    const opts = parseStartOptions(['--no-build', '--out', 'shots'], {}, cwd);
    expect(opts.build).toBe(false);
    expect(opts.outDir).toBe(path.join(cwd, 'shots'));
  });

  it('refuses unknown options instead of ignoring them', () => {
    expect(() => parseStartOptions(['--headles'], {}, cwd)).toThrow(/headles/);
  });
});

import { describe, expect, it } from 'vitest';
import { bundleSlot, importBundle, registerBundle } from '@/utils/lazy-bundle';

/** A module that leaves `value` under the slot's key when evaluated, as a built bundle does. */
const moduleUrl = (name: string, value: string, tag: number) =>
  `data:text/javascript,globalThis[Symbol.for(${JSON.stringify(name)})]=${JSON.stringify(value)};//${tag}`;

describe('bundles loaded on demand', () => {
  it('imports a bundle once and hands out the entry point it registered', async () => {
    const slot = bundleSlot<string>('/x.js', 'test.bundle-once');
    let calls = 0;
    const load = importBundle(slot, () => {
      calls++;
      return moduleUrl('test.bundle-once', 'entry', 1);
    });
    expect(await load()).toBe('entry');
    expect(await load()).toBe('entry');
    expect(calls).toBe(1);
  });

  it('says which bundle came without its entry point, and tries again on the next call', async () => {
    const slot = bundleSlot<string>('/y.js', 'test.bundle-missing');
    const scope = {};
    let tag = 0;
    const load = importBundle(slot, () => moduleUrl('test.elsewhere', 'other', ++tag), scope);
    await expect(load()).rejects.toThrow('/y.js loaded without its entry point.');
    registerBundle(slot, 'late', scope);
    expect(await load()).toBe('late');
    expect(tag).toBe(2);
  });

  it('lets a failed import be tried again', async () => {
    const slot = bundleSlot<string>('/z.js', 'test.bundle-retry');
    let tag = 0;
    const load = importBundle(slot, () =>
      ++tag === 1
        ? 'data:text/javascript,throw new Error("broken")'
        : moduleUrl('test.bundle-retry', 'ok', tag),
    );
    await expect(load()).rejects.toThrow('broken');
    expect(await load()).toBe('ok');
  });
});

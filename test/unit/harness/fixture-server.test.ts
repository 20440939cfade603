import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../e2e/harness/fixture-server';

const root = path.resolve('/srv/pages');

describe('resolveInside', () => {
  it('maps URL paths to files under the root', () => {
    expect(resolveInside(root, '/a/b.html')).toBe(path.join(root, 'a', 'b.html'));
    expect(resolveInside(root, '/with%20space.html')).toBe(path.join(root, 'with space.html'));
  });

  it('never leaves the root', () => {
    expect(resolveInside(root, '/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/..%2f..%2fetc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('rejects malformed escapes and NUL bytes', () => {
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/a%00.html')).toBeNull();
  });
});

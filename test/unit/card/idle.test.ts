import { describe, expect, it } from 'vitest';
import { createIdleSteps } from '@/utils/card/idle';
import { whenIdle } from '@/utils/idle';

/** A window whose idle callbacks the test runs by hand, with the time left it chooses. */
function idleWindow() {
  const waiting: ((deadline: IdleDeadline) => void)[] = [];
  const timeouts: number[] = [];
  const win = {
    setTimeout: (() => 0) as unknown as Window['setTimeout'],
    requestIdleCallback: (cb: (deadline: IdleDeadline) => void, opts?: IdleRequestOptions) => {
      waiting.push(cb);
      timeouts.push(opts?.timeout ?? Infinity);
      return waiting.length;
    },
  };
  /** Runs the next idle callback with `left` ms of the idle period left at every check. */
  const idle = (left: number, didTimeout = false) => {
    const cb = waiting.shift();
    cb?.({ didTimeout, timeRemaining: () => left });
    return cb !== undefined;
  };
  return { win, idle, waiting, timeouts };
}

describe('idle steps', () => {
  it('runs steps in order, one per idle callback when the period has no room for more', () => {
    const { win, idle, timeouts } = idleWindow();
    const ran: string[] = [];
    const steps = createIdleSteps(win, new AbortController().signal);
    steps.add(
      () => ran.push('a'),
      () => ran.push('b'),
    );
    steps.add(() => ran.push('c'));
    expect(ran).toEqual([]); // nothing runs in the caller's task
    expect(timeouts[0]).toBeLessThanOrEqual(50);
    idle(2);
    expect(ran).toEqual(['a']);
    idle(2);
    expect(ran).toEqual(['a', 'b']);
    idle(2);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(steps.pending).toBe(0);
    expect(idle(2)).toBe(false); // nothing left scheduled
  });

  it('runs more steps in one idle period while it has room, one when it was forced by the timeout', () => {
    const { win, idle } = idleWindow();
    const ran: number[] = [];
    const steps = createIdleSteps(win, new AbortController().signal);
    steps.add(...[1, 2, 3, 4].map((n) => () => void ran.push(n)));
    idle(40, true);
    expect(ran).toEqual([1]);
    idle(40);
    expect(ran).toEqual([1, 2, 3, 4]);
  });

  it('goes on after a step that throws, and stops when the signal aborts', () => {
    const { win, idle } = idleWindow();
    const abort = new AbortController();
    const ran: string[] = [];
    const steps = createIdleSteps(win, abort.signal);
    steps.add(
      () => {
        throw new Error('broken warm-up');
      },
      () => ran.push('after'),
      () => ran.push('never'),
    );
    idle(0);
    idle(0);
    expect(ran).toEqual(['after']);
    abort.abort();
    idle(0);
    steps.add(() => ran.push('added late'));
    idle(0);
    expect(ran).toEqual(['after']);
    expect(steps.pending).toBe(0);
  });

  it('falls back to a task where the browser has no idle callbacks', async () => {
    let ran = false;
    whenIdle({ setTimeout: setTimeout.bind(globalThis) as Window['setTimeout'] }, () => {
      ran = true;
    });
    expect(ran).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toBe(true);
  });
});

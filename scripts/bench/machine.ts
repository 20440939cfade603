/** The machine a run measured, written next to the results so runs compare like with like. */
import os from 'node:os';
import type { Page } from 'playwright-core';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  chromium: string;
  node: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  loadAverage: number;
}

/** Describes this machine; the browser version is read through the page's DevTools session. */
export async function describeMachine(page: Page): Promise<Machine> {
  const cdp = await page.context().newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await cdp.detach();
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    chromium: product,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

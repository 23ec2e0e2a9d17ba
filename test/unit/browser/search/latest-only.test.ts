import { afterEach, describe, expect, test, vi } from 'vitest';
import { latestOnly } from '../../../../src/browser/search/latest-only';

/** A task whose runs are recorded and each finish only when released. */
function gatedTask() {
  const runs: number[] = [];
  const gates: (() => void)[] = [];
  let value = 0;
  const task = async () => {
    runs.push(value);
    await new Promise<void>((resolve) => gates.push(resolve));
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { runs, task, release, set: (v: number) => (value = v) };
}

afterEach(() => vi.unstubAllGlobals());

describe('latestOnly', () => {
  test('runs at once when idle', async () => {
    const { runs, task, release } = gatedTask();
    const schedule = latestOnly(task);
    const done = schedule();
    expect(runs).toEqual([0]);
    await release();
    await done;
    expect(runs).toEqual([0]);
  });

  test('requests made during a run give one more run, with the newest state, not one each', async () => {
    const gated = gatedTask();
    const schedule = latestOnly(gated.task);
    const done = schedule();
    for (const v of [1, 2, 3]) {
      gated.set(v);
      void schedule();
    }
    expect(gated.runs).toEqual([0]);
    await gated.release();
    expect(gated.runs).toEqual([0, 3]);
    await gated.release();
    await done;
    expect(gated.runs).toEqual([0, 3]);
  });

  test('a run that throws is reported and the next request still runs', async () => {
    const reported: unknown[] = [];
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error));
    let calls = 0;
    const schedule = latestOnly(async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
    });
    await schedule();
    await schedule();
    expect(calls).toBe(2);
    expect(reported).toEqual([new Error('boom')]);
  });

  test('where there is no reportError (Node), a run that throws still lets the next one run', async () => {
    vi.stubGlobal('reportError', undefined);
    let calls = 0;
    const schedule = latestOnly(async () => {
      calls++;
      throw new Error('boom');
    });
    await schedule();
    await schedule();
    expect(calls).toBe(2);
  });
});

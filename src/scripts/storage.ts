/**
 * The reader's own browser storage (localStorage), for the theme and the reading place.
 * Storage can be blocked (private modes, site settings): then nothing is kept, and nothing fails.
 */
export const stored = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  /** Keeps `value` under `key`, or forgets the key when `value` is null. */
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // storage blocked: nothing is kept
    }
  },
};

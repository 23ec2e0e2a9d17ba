/**
 * One run of `task` at a time, and after it only the newest request: calls that arrive while
 * a run is going on ask for one more run, however many they are. On the search page, keystrokes
 * that arrive while the index loads or a search runs never queue up searches for prefixes
 * nobody wants any more. A run that throws is reported (`reportError`: the console, as an
 * uncaught error would be) and does not stop the next one.
 */
export function latestOnly(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task().catch((error: unknown) => globalThis.reportError?.(error));
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests only; the browser tests (test/e2e) run on Playwright Test against a real build.
export default getViteConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});

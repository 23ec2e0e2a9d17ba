/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests only; the browser tests in test/e2e run on Node's test runner against a real build.
export default getViteConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});

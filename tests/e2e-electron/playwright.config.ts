import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e-electron-artifacts',
  workers: 1,
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-electron-report.json' }]],
});

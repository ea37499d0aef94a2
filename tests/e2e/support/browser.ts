/**
 * Debian's Chromium (never a downloaded browser), with the flags our closed network needs.
 * Playwright already gives every launch a fresh temporary profile.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

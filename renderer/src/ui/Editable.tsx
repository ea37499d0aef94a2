import type { ReactNode } from 'react';

/**
 * Fields for a role that may only read them: every input, select and button inside is disabled
 * by the browser itself (a disabled <fieldset>), so nothing can be typed that the server would
 * refuse. Buttons that start an action are hidden by their screens with `can(method)`.
 */
export function Editable({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={!allowed} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} data-readonly={allowed ? undefined : 'true'}>
      {children}
    </fieldset>
  );
}

/**
 * The local crash guard of the hearing record: every keystroke's text is also kept in localStorage
 * (hearing + step), so text typed after the last autosave survives a crash of the window; on load
 * it is offered back when it is newer than the saved version.
 */
export type GuardEntry = { content: string; at: string };

const key = (hearingId: number, step: string) => `sucai.record.${hearingId}.${step}`;

export function keepLocally(hearingId: number, step: string, content: string): void {
  try {
    localStorage.setItem(key(hearingId, step), JSON.stringify({ content, at: new Date().toISOString() } satisfies GuardEntry));
  } catch {
    // storage full or unavailable: the autosave still runs
  }
}

export function readLocal(hearingId: number, step: string): GuardEntry | null {
  try {
    const raw = localStorage.getItem(key(hearingId, step));
    if (!raw) return null;
    const entry = JSON.parse(raw) as GuardEntry;
    return typeof entry.content === 'string' && typeof entry.at === 'string' ? entry : null;
  } catch {
    return null;
  }
}

export function forgetLocal(hearingId: number, step: string): void {
  try {
    localStorage.removeItem(key(hearingId, step));
  } catch {
    // nothing to do
  }
}

/**
 * Opens the presentation page for the room's display. Desktop: main opens a second window,
 * full screen on the external display when there is one (a validated IPC channel, like the evidence
 * file dialog). Browser: a popup window on the same host (it shares the signed-in session).
 */
type Placement = 'external' | 'here' | 'manual';
type Bridge = Record<string, unknown> & {
  openPresentation?: () => Promise<{ ok: boolean; value?: { placement: Placement }; error?: { message: string } }>;
  closePresentation?: () => Promise<{ ok: boolean; value?: { closed: boolean }; error?: { message: string } }>;
};

const placementNotes: Record<Placement, string> = {
  external: '展示窗口已在外接显示器上全屏打开（在展示窗口按 Esc 关闭）',
  here: '未检测到外接显示器：展示窗口已在本屏打开',
  manual: '展示窗口已打开：本桌面不允许程序摆放窗口，请把它拖到投影屏幕上，再按 F11 全屏',
};

/** The browser's popup, so the operator can close it again from here. */
let popup: Window | null = null;

export async function openPresentationWindow(): Promise<{ ok: true; note: string } | { ok: false; message: string }> {
  const bridge = window.sucai as Bridge | undefined;
  if (bridge) {
    if (typeof bridge.openPresentation !== 'function') return { ok: false, message: '此版本的速裁台不支持展示窗口' };
    const result = await bridge.openPresentation();
    if (!result.ok) return { ok: false, message: result.error?.message ?? '无法打开展示窗口' };
    return { ok: true, note: placementNotes[result.value?.placement ?? 'here'] };
  }
  const url = `${window.location.pathname}#/present`;
  popup = window.open(url, 'sucai-present', 'popup,width=1280,height=720');
  if (!popup) return { ok: false, message: '浏览器拦截了弹出窗口：请允许本页打开弹出窗口后重试' };
  popup.focus();
  return { ok: true, note: '展示窗口已打开：把它拖到投影屏幕上，双击画面可全屏' };
}

/** Closes the presentation window from the operator's side; the note says what happened. */
export async function closePresentationWindow(): Promise<{ ok: true; note: string } | { ok: false; message: string }> {
  const bridge = window.sucai as Bridge | undefined;
  if (bridge) {
    if (typeof bridge.closePresentation !== 'function') return { ok: false, message: '此版本的速裁台不支持关闭展示窗口' };
    const result = await bridge.closePresentation();
    if (!result.ok) return { ok: false, message: result.error?.message ?? '无法关闭展示窗口' };
    return { ok: true, note: result.value?.closed ? '展示窗口已关闭' : '展示窗口没有打开' };
  }
  const open = popup !== null && !popup.closed;
  popup?.close();
  popup = null;
  return { ok: true, note: open ? '展示窗口已关闭' : '展示窗口没有打开（或不是从本页打开的）' };
}

/**
 * Opens the presentation page for the room's display. Desktop: main opens a second window,
 * full screen on the external display when there is one (a validated IPC channel, like the evidence
 * file dialog). Browser: a popup window on the same host (it shares the signed-in session).
 */
export async function openPresentationWindow(): Promise<{ ok: true; note: string } | { ok: false; message: string }> {
  const bridge = window.sucai as (Record<string, unknown> & { openPresentation?: () => Promise<{ ok: boolean; value?: { external: boolean }; error?: { message: string } }> }) | undefined;
  if (bridge) {
    if (typeof bridge.openPresentation !== 'function') return { ok: false, message: '此版本的速裁台不支持展示窗口' };
    const result = await bridge.openPresentation();
    if (!result.ok) return { ok: false, message: result.error?.message ?? '无法打开展示窗口' };
    return { ok: true, note: result.value?.external ? '展示窗口已在外接显示器上全屏打开' : '未检测到外接显示器：展示窗口已在本屏打开' };
  }
  const url = `${window.location.pathname}#/present`;
  const opened = window.open(url, 'sucai-present', 'popup,width=1280,height=720');
  if (!opened) return { ok: false, message: '浏览器拦截了弹出窗口：请允许本页打开弹出窗口后重试' };
  opened.focus();
  return { ok: true, note: '展示窗口已打开：把它拖到投影屏幕上，双击画面可全屏' };
}

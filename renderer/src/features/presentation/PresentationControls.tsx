import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Box, Button, Group, Loader, Paper, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { PresentationPayload, PresentationView } from '../../../../electron/core/contract';
import { call } from '../../api';
import { useCan } from '../../shell/session';
import { exhibitLabel } from '../evidence/format';
import { closePresentationWindow, openPresentationWindow } from './openScreen';
import { previewPayload } from './previewPayload';
import { ROWS_PER_PAGE, ScreenStage, STAGE_HEIGHT, STAGE_WIDTH } from './ScreenView';
import { ExhibitPositionControls, WorkerPager, type ExhibitPlace } from './ScreenPositionControls';
import { chinaClock, useNow } from './useChinaClock';
import { useScreenSources } from './useScreenSources';

type Kind = PresentationView['kind'];
const kindLabels: Record<Kind, string> = { caseSummary: '案件概况', workers: '申请人名单', exhibit: '证据', deadlines: '期限', blank: '黑屏' };
const UNMASK_SECONDS = 10;

/** The screen shows this same list or exhibit (maybe another page or place of it): changes follow at once. */
function sameOnScreen(screen: PresentationPayload | null, view: PresentationView | null): boolean {
  const shown = screen?.state.view;
  if (!shown || !view) return false;
  if (shown.kind === 'workers' && view.kind === 'workers') return shown.caseId === view.caseId;
  if (shown.kind === 'exhibit' && view.kind === 'exhibit') return shown.caseId === view.caseId && shown.exhibitId === view.exhibitId;
  return false;
}

/** A view as a comparable key (the same view whatever the order of its fields). */
function viewKey(v: PresentationView): string {
  if (v.kind === 'workers') return `workers:${v.caseId}:${v.page ?? 1}`;
  if (v.kind === 'exhibit') return `exhibit:${v.caseId}:${v.exhibitId}:${v.page}:${v.zoom ?? 100}:${v.x ?? 0.5}:${v.y ?? 0}`;
  return v.kind === 'blank' ? 'blank' : `${v.kind}:${v.caseId}`;
}

function describeScreen(payload: PresentationPayload | null): string {
  if (!payload) return '—';
  const view = payload.state.view;
  if (view.kind === 'blank') return '黑屏';
  if (view.kind === 'exhibit') return `${payload.exhibit?.label ?? '证据'} 第${view.page}页`;
  return kindLabels[view.kind];
}

/**
 * The operator's push panel for the shared screen: open the presentation window, preview a view
 * privately (drawn by the screen's own component, masked by the same functions as the backend),
 * push it, blank the screen, and unmask one worker's ID number for a few seconds. The operator's
 * own table here is never masked.
 */
export function PresentationControls({ caseId, hearingId }: { caseId: number; hearingId?: number | null }) {
  const can = useCan();
  const { detail, exhibits, amounts, commissionName, screen, error, showScreen } = useScreenSources(caseId);
  const [kind, setKind] = useState<Exclude<Kind, 'blank'>>('workers');
  const [exhibitId, setExhibitId] = useState<number | null>(null);
  const [place, setPlace] = useState<ExhibitPlace>({ page: 1, zoom: 100, x: 0.5, y: 0 });
  const [workerPage, setWorkerPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const now = useNow();
  const { ref, width } = useElementSize();

  const selectedExhibit = exhibits.find((e) => e.id === exhibitId) ?? exhibits[0] ?? null;
  const pageCount = selectedExhibit?.pageCount ?? 1;
  const workerPages = Math.max(1, Math.ceil((detail?.workers.length ?? 0) / ROWS_PER_PAGE));
  const view: PresentationView | null = useMemo(() => {
    if (kind === 'exhibit') {
      return selectedExhibit ? { kind, caseId, exhibitId: selectedExhibit.id, page: Math.min(place.page, pageCount), zoom: place.zoom, x: place.x, y: place.y } : null;
    }
    if (kind === 'workers') return { kind, caseId, page: Math.min(workerPage, workerPages) };
    return { kind, caseId };
  }, [kind, caseId, selectedExhibit, place, pageCount, workerPage, workerPages]);

  const preview = useMemo(
    () => (detail && view ? previewPayload(view, detail, { amounts, exhibits, commissionName, now: new Date() }) : null),
    [detail, view, amounts, exhibits, commissionName],
  );

  const screenShowsWorkers = screen?.state.view.kind === 'workers' && screen.state.view.caseId === caseId;
  const live = sameOnScreen(screen, view);

  // Turning a page or moving over the exhibit while the screen shows it: the screen follows at once
  // (a short pause lets several presses go as one push).
  const follow = live && view && screen && viewKey(view) !== viewKey(screen.state.view) ? view : null;
  useEffect(() => {
    if (!follow) return;
    const timer = setTimeout(() => {
      call('presentation.show', { view: follow, hearingId: hearingId ?? null }).then(showScreen, (e: unknown) =>
        notifications.show({ color: 'red', title: '屏幕未能跟随', message: e instanceof Error ? e.message : String(e) }),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [follow, hearingId, showScreen]);

  async function run(label: string, action: () => Promise<PresentationPayload>, done: string) {
    setBusy(label);
    try {
      showScreen(await action());
      notifications.show({ color: 'green', message: done, autoClose: 2000 });
    } catch (e) {
      notifications.show({ color: 'red', title: '未能推送到屏幕', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  }

  const push = (v: PresentationView) =>
    run(`push-${v.kind}`, () => call('presentation.show', { view: v, hearingId: hearingId ?? null }), v.kind === 'blank' ? '屏幕已转为黑屏' : `已推送：${kindLabels[v.kind]}`);

  async function openWindow() {
    const result = await openPresentationWindow();
    notifications.show(result.ok ? { color: 'blue', message: result.note } : { color: 'red', title: '未能打开展示窗口', message: result.message });
  }

  async function closeWindow() {
    const result = await closePresentationWindow();
    notifications.show(result.ok ? { color: 'blue', message: result.note } : { color: 'red', title: '未能关闭展示窗口', message: result.message });
  }

  if (error) return <Alert color="red">{error}</Alert>;
  if (!detail) return <Loader />;
  const scale = width ? width / STAGE_WIDTH : 0.25;

  return (
    <Paper withBorder p="md" data-testid="presentation-controls">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={4}>共享屏幕</Title>
            <Badge variant="light" color={screen?.state.view.kind === 'blank' ? 'gray' : 'red'} data-testid="screen-status">
              屏幕当前：{describeScreen(screen)}
              {screen && screen.state.seq > 0 ? `（${chinaClock(new Date(screen.state.shownAt))}）` : ''}
            </Badge>
            {screen?.state.unmasked && Date.parse(screen.state.unmasked.until) > now.getTime() && (
              <Badge color="yellow" variant="filled">正在临时显示</Badge>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={() => void openWindow()} data-testid="open-presentation">
              打开展示窗口
            </Button>
            <Button variant="default" onClick={() => void closeWindow()} data-testid="close-presentation">
              关闭展示窗口
            </Button>
            <Button color="dark" loading={busy === 'push-blank'} onClick={() => void push({ kind: 'blank' })} data-testid="push-blank">
              黑屏
            </Button>
          </Group>
        </Group>

        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Exclude<Kind, 'blank'>)}
          data={(['caseSummary', 'workers', 'exhibit', 'deadlines'] as const).map((k) => ({ value: k, label: kindLabels[k] }))}
          data-testid="preview-kind"
        />

        {kind === 'exhibit' && (
          <Group gap="sm" align="flex-end">
            <Select
              label="证据"
              w={360}
              data={exhibits.map((e) => ({ value: String(e.id), label: `${exhibitLabel(e.seq)} ${e.title}` }))}
              value={selectedExhibit ? String(selectedExhibit.id) : null}
              onChange={(v) => {
                setExhibitId(v ? Number(v) : null);
                setPlace({ page: 1, zoom: 100, x: 0.5, y: 0 });
              }}
              allowDeselect={false}
              nothingFoundMessage="本案还没有证据"
              data-testid="preview-exhibit"
            />
          </Group>
        )}
        {kind === 'exhibit' && selectedExhibit && <ExhibitPositionControls place={{ ...place, page: Math.min(place.page, pageCount) }} pageCount={pageCount} onChange={setPlace} />}
        {kind === 'workers' && <WorkerPager page={Math.min(workerPage, workerPages)} pages={workerPages} onPage={setWorkerPage} />}
        {live && (
          <Text size="xs" c="teal.8" data-testid="screen-follows">
            屏幕正在显示此内容：翻页、缩放、移动即时同步到屏幕
          </Text>
        )}

        <Box>
          <Text size="xs" c="dimmed" mb={4}>
            预览（仅您可见）：推送后屏幕将显示的内容，个人信息已遮蔽
          </Text>
          <Box ref={ref} style={{ position: 'relative', width: '100%', maxWidth: 720, aspectRatio: `${STAGE_WIDTH} / ${STAGE_HEIGHT}`, overflow: 'hidden', borderRadius: 4, background: '#000' }} data-testid="screen-preview">
            {preview && width > 0 ? (
              <ScreenStage payload={preview} commissionName={commissionName} now={now} scale={scale} style={{ left: 0, top: 0 }} />
            ) : (
              <Text c="gray.5" p="md">{kind === 'exhibit' ? '本案还没有可展示的证据' : ''}</Text>
            )}
          </Box>
          {kind === 'workers' && workerPages > 1 && (
            <Text size="xs" c="dimmed" mt={4}>名单超过一屏（每屏{ROWS_PER_PAGE}人）：用「上一页 / 下一页」翻页，屏幕不会自动翻页</Text>
          )}
        </Box>

        <Group>
          <Button disabled={!view} loading={busy === `push-${kind}`} onClick={() => view && void push(view)} data-testid={`push-${kind}`}>
            推送到屏幕：{kindLabels[kind]}
          </Button>
          {hearingId ? <Text size="sm" c="dimmed">庭审中：每次推送记入庭审笔录</Text> : null}
        </Group>

        {kind === 'workers' && (
          <Box>
            <Text size="sm" fw={500} mb={4}>
              申请人（本窗口不遮蔽）
            </Text>
            <ScrollArea.Autosize mah={360}>
              <Table striped verticalSpacing={4} data-testid="operator-workers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={50}>序号</Table.Th>
                    <Table.Th>姓名</Table.Th>
                    <Table.Th>身份证号码</Table.Th>
                    <Table.Th>手机号码</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {detail.workers.map((w, i) => (
                    <Table.Tr key={w.id} data-testid="operator-worker-row">
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{w.name}</Table.Td>
                      <Table.Td className="mono" data-testid="operator-worker-id">{w.idNumber}</Table.Td>
                      <Table.Td className="mono" data-testid="operator-worker-phone">{w.phone ?? '—'}</Table.Td>
                      <Table.Td>
                        {can('presentation.unmask') && <Button
                          size="compact-xs"
                          variant="light"
                          color="yellow"
                          disabled={!screenShowsWorkers}
                          title={screenShowsWorkers ? undefined : '先把申请人名单推送到屏幕'}
                          loading={busy === `unmask-${w.id}`}
                          onClick={() =>
                            void run(`unmask-${w.id}`, () => call('presentation.unmask', { field: 'idNumber', workerId: w.id, seconds: UNMASK_SECONDS }), `屏幕上临时显示 ${w.name} 的身份证号码 ${UNMASK_SECONDS} 秒`)
                          }
                          data-testid={`unmask-id-${w.id}`}
                        >
                          临时显示身份证号 {UNMASK_SECONDS}秒
                        </Button>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

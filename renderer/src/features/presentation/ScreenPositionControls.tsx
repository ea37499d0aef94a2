/**
 * The operator's hand on what the room reads: turn the pages of a long worker list, turn, zoom and
 * move over an exhibit page. Nothing turns by itself; when the screen already shows this list or
 * exhibit, every change goes to it at once (see PresentationControls).
 */
import { ActionIcon, Button, Group, NumberInput, SegmentedControl, Text, Tooltip } from '@mantine/core';

export type ExhibitPlace = { page: number; zoom: number; x: number; y: number };

const ZOOMS = [
  { value: '0', label: '整页' },
  { value: '50', label: '50%' },
  { value: '100', label: '适应宽度' },
  { value: '150', label: '150%' },
  { value: '200', label: '200%' },
];
/** One press moves a third of what overflows: three presses from the top to the bottom. */
const STEP = 1 / 3;
const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;

export function WorkerPager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <Group gap="xs" data-testid="worker-pager">
      <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="worker-page-prev">
        上一页
      </Button>
      <Text size="sm" data-testid="worker-page">
        名单第{page}/{pages}页
      </Text>
      <Button size="xs" variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="worker-page-next">
        下一页
      </Button>
    </Group>
  );
}

export function ExhibitPositionControls({ place, pageCount, onChange }: { place: ExhibitPlace; pageCount: number; onChange: (place: ExhibitPlace) => void }) {
  const set = (patch: Partial<ExhibitPlace>) => onChange({ ...place, ...patch });
  const wide = place.zoom > 100;
  return (
    <Group gap="md" align="center" data-testid="exhibit-position">
      <Group gap={4}>
        <Button size="xs" variant="default" disabled={place.page <= 1} onClick={() => set({ page: place.page - 1, y: 0 })} data-testid="exhibit-page-prev">
          上一页
        </Button>
        {/* the one page number: shown here, and typed here to jump to a page */}
        <Group gap={4} wrap="nowrap" data-testid="exhibit-page">
          <Text size="sm">第</Text>
          <NumberInput
            size="xs"
            w={52}
            hideControls
            min={1}
            max={pageCount}
            value={place.page}
            onChange={(v) => typeof v === 'number' && v >= 1 && set({ page: Math.min(v, pageCount), y: 0 })}
            aria-label={`页码（共${pageCount}页）`}
            data-testid="preview-page"
          />
          <Text size="sm">/ {pageCount}页</Text>
        </Group>
        <Button size="xs" variant="default" disabled={place.page >= pageCount} onClick={() => set({ page: place.page + 1, y: 0 })} data-testid="exhibit-page-next">
          下一页
        </Button>
      </Group>
      <SegmentedControl
        size="xs"
        data={ZOOMS}
        value={String(place.zoom)}
        onChange={(v) => set({ zoom: Number(v), x: 0.5 })}
        data-testid="exhibit-zoom"
      />
      <Group gap={4}>
        <Tooltip label="向上">
          <ActionIcon variant="default" aria-label="向上" disabled={place.y <= 0} onClick={() => set({ y: clamp(place.y - STEP) })} data-testid="exhibit-up">
            ↑
          </ActionIcon>
        </Tooltip>
        <Tooltip label="向下">
          <ActionIcon variant="default" aria-label="向下" disabled={place.y >= 1} onClick={() => set({ y: clamp(place.y + STEP) })} data-testid="exhibit-down">
            ↓
          </ActionIcon>
        </Tooltip>
        {wide && (
          <>
            <Tooltip label="向左">
              <ActionIcon variant="default" aria-label="向左" disabled={place.x <= 0} onClick={() => set({ x: clamp(place.x - STEP) })} data-testid="exhibit-left">
                ←
              </ActionIcon>
            </Tooltip>
            <Tooltip label="向右">
              <ActionIcon variant="default" aria-label="向右" disabled={place.x >= 1} onClick={() => set({ x: clamp(place.x + STEP) })} data-testid="exhibit-right">
                →
              </ActionIcon>
            </Tooltip>
          </>
        )}
        <Text size="xs" c="dimmed" ml={4}>
          {place.y <= 0 ? '页首' : place.y >= 1 ? '页尾' : `已下移${Math.round(place.y * 100)}%`}
        </Text>
      </Group>
    </Group>
  );
}

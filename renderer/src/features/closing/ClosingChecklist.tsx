import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ChecklistItem } from '../../../../electron/core/contract';

/** Each closing condition: a green tick when met, a red cross with what is still missing. */
export function ClosingChecklist({ items }: { items: ChecklistItem[] }) {
  return (
    <Stack gap={6} data-testid="closing-checklist">
      {items.map((item) => (
        <Group key={item.key} gap="sm" wrap="nowrap" align="flex-start" data-testid={`checklist-${item.key}`} data-ok={item.ok}>
          <ThemeIcon size={22} radius="xl" color={item.ok ? 'teal' : 'red'} variant={item.ok ? 'light' : 'filled'} aria-label={item.ok ? '已满足' : '未满足'}>
            <Text size="sm" fw={700} lh={1}>
              {item.ok ? '✓' : '✗'}
            </Text>
          </ThemeIcon>
          <div>
            <Text size="sm" fw={500} c={item.ok ? undefined : 'red.8'}>
              {item.label}
            </Text>
            {item.detail && (
              <Text size="xs" c="dimmed">
                {item.detail}
              </Text>
            )}
          </div>
        </Group>
      ))}
      {!items.length && (
        <Text size="sm" c="dimmed">
          该结案方式没有需要核对的事项。
        </Text>
      )}
    </Stack>
  );
}

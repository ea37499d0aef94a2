import { Badge, Button, CloseButton, Group, Text } from '@mantine/core';
import { filterChips, withoutKeys, type LinkFilter } from './caseFilterQuery';

/** The link filters of the case list as removable chips, with "clear all"; nothing when there are none. */
export function LinkFilterChips({ filter, onChange }: { filter: LinkFilter; onChange: (next: LinkFilter) => void }) {
  const chips = filterChips(filter);
  if (!chips.length) return null;
  return (
    <Group gap="xs" data-testid="link-filters">
      <Text size="sm" c="dimmed">
        筛选：
      </Text>
      {chips.map((chip) => (
        <Badge
          key={chip.keys.join('+')}
          size="lg"
          variant="light"
          radius="sm"
          style={{ textTransform: 'none', fontWeight: 500 }}
          rightSection={<CloseButton size="xs" aria-label={`移除筛选 ${chip.label}`} onClick={() => onChange(withoutKeys(filter, chip.keys))} />}
          data-testid="link-filter-chip"
        >
          {chip.label}
        </Badge>
      ))}
      {chips.length > 1 && (
        <Button size="compact-xs" variant="subtle" onClick={() => onChange({})}>
          清除全部
        </Button>
      )}
    </Group>
  );
}

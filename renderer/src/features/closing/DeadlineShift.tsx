import { Alert, Text } from '@mantine/core';
import { formatChineseDate } from '../../../../electron/core/dates';

export type DueSnapshot = { award: string | null; fastTrack: string | null };

/** What a suspension, resumption or extension did to the deadlines: before → after. */
export function DeadlineShift({ before, after, title }: { before: DueSnapshot; after: DueSnapshot; title: string }) {
  const line = (label: string, a: string | null, b: string | null) => {
    if (a === b) return `${label}：${b ? formatChineseDate(b) : '暂停计算'}（未变）`;
    return `${label}：${a ? formatChineseDate(a) : '暂停计算'} → ${b ? formatChineseDate(b) : '暂停计算（中止期间不计入）'}`;
  };
  return (
    <Alert color="blue" title={title} data-testid="deadline-shift">
      <Text size="sm">{line('裁决期限届满日', before.award, after.award)}</Text>
      <Text size="sm">{line('速裁目标日', before.fastTrack, after.fastTrack)}</Text>
    </Alert>
  );
}

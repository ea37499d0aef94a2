import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { hrefFor } from '../../router';
import { PresentationControls } from './PresentationControls';

/** The operator's conference page for one case (#/cases/12/screen[?hearing=3]): the push panel on its own. */
export function PresentationConsolePage({ caseId, hearingId }: { caseId: number; hearingId: number | null }) {
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>联合会商 · 共享屏幕</Title>
        <Anchor href={hrefFor({ page: 'case', id: caseId })}>返回案件</Anchor>
      </Group>
      <Text c="dimmed" size="sm">
        先在预览中确认，再推送到屏幕。屏幕上的身份证号码、手机号码默认遮蔽；推送记入案件时间线{hearingId ? '和庭审笔录' : ''}。
      </Text>
      <PresentationControls caseId={caseId} hearingId={hearingId} />
    </Stack>
  );
}

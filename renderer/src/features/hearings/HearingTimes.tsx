import { useState } from 'react';
import { Alert, Button, Card, Group, Text, TextInput } from '@mantine/core';
import type { HearingDetail } from '../../../../electron/core/contract';
import { call } from '../../api';

/** Now as China local 'HH:mm'. */
function nowHm(): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date());
}

/** 开庭、闭庭的实际时间 (the 庭审笔录 prints these): "现在开庭" / "现在闭庭", or typed and corrected. */
export function HearingTimes({ hearing, onSaved }: { hearing: HearingDetail; onSaved: (h: HearingDetail) => void }) {
  const day = hearing.startsAt.slice(0, 10);
  const [opened, setOpened] = useState(hearing.openedAt?.slice(11, 16) ?? '');
  const [closed, setClosed] = useState(hearing.closedAt?.slice(11, 16) ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (o: string, c: string) => {
    setError(null);
    try {
      onSaved(await call('hearings.setTimes', { id: hearing.id, openedAt: o ? `${day}T${o}` : null, closedAt: c ? `${day}T${c}` : null }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const disabled = hearing.status === 'cancelled';
  return (
    <Card withBorder data-testid="hearing-times">
      <Group gap="md" align="flex-end">
        <Text fw={600} size="sm">
          实际庭审时间
        </Text>
        <TextInput label="开庭" type="time" w={120} value={opened} disabled={disabled} onChange={(e) => setOpened(e.currentTarget.value)} onBlur={() => opened !== (hearing.openedAt?.slice(11, 16) ?? '') && void save(opened, closed)} data-testid="hearing-opened" />
        <Button size="xs" variant="light" disabled={disabled || !!hearing.openedAt} onClick={() => { const t = nowHm(); setOpened(t); void save(t, closed); }} data-testid="hearing-open-now">
          现在开庭
        </Button>
        <TextInput label="闭庭" type="time" w={120} value={closed} disabled={disabled} onChange={(e) => setClosed(e.currentTarget.value)} onBlur={() => closed !== (hearing.closedAt?.slice(11, 16) ?? '') && void save(opened, closed)} data-testid="hearing-closed" />
        <Button size="xs" variant="light" disabled={disabled || !opened || !!hearing.closedAt} onClick={() => { const t = nowHm(); setClosed(t); void save(opened, t); }} data-testid="hearing-close-now">
          现在闭庭
        </Button>
        <Text size="xs" c="dimmed">
          庭审笔录按实际时间打印；未登记的，笔录留空待手写。
        </Text>
      </Group>
      {error && (
        <Alert color="red" mt="xs" p="xs" data-testid="hearing-times-error">
          {error}
        </Alert>
      )}
    </Card>
  );
}

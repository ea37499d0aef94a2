import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { HearingDetail } from '../../../../electron/core/contract';
import { formatChineseDate, formatWeekday, todayInChina } from '../../../../electron/core/dates';
import { procedureLabels } from '../../../../electron/core/domain';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { hrefFor } from '../../router';
import { SharedScreenButton, SharedScreenPanel, useSharedScreen } from '../mediation/SharedScreen';
import { CrossExamPanel } from './CrossExamPanel';
import { hearingStatusLabels, noticeStatus } from './labels';
import { HearingTimes } from './HearingTimes';
import { RecordEditor } from './RecordEditor';
import { Attendance } from './Attendance';
import { timeRange } from './time';

function NoticeLine({ hearing, onSaved }: { hearing: HearingDetail; onSaved: () => void }) {
  const [servedOn, setServedOn] = useState(todayInChina());
  const [error, setError] = useState<string | null>(null);
  const status = noticeStatus(hearing);
  const can = useCan();
  return (
    <Group gap="xs" align="center">
      <Badge color={status.color} variant="light" data-testid="notice-status">
        {status.text}
      </Badge>
      {!hearing.noticeServedOn && !hearing.noticeWaived && hearing.status === 'scheduled' && can('hearings.recordNotice') && (
        <>
          <TextInput size="xs" type="date" value={servedOn} onChange={(e) => setServedOn(e.currentTarget.value)} aria-label="开庭通知送达日期" />
          <Button
            size="compact-sm"
            variant="light"
            onClick={async () => {
              try {
                await call('hearings.recordNotice', { id: hearing.id, servedOn });
                setError(null);
                onSaved();
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          >
            登记送达
          </Button>
        </>
      )}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Group>
  );
}

/** One hearing: who and where, attendance, the record (庭审笔录) and 质证. */
export function HearingPage({ id }: { id: number }) {
  const can = useCan();
  const [hearing, setHearing] = useState<HearingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const flush = useRef<(() => Promise<void>) | null>(null);
  const screen = useSharedScreen();
  const reload = useCallback(() => {
    call('hearings.get', { id })
      .then((h) => {
        setHearing(h);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((e) => e.type === 'hearings.changed' && e.hearingId === id && reload()), [id, reload]);
  const beforeSave = useCallback(async () => {
    await flush.current?.();
  }, []);

  if (error && !hearing) return <Alert color="red">{error}</Alert>;
  if (!hearing) return <Loader />;
  const date = hearing.startsAt.slice(0, 10);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2} data-testid="hearing-title">
              开庭 · {hearing.caseNumber ?? hearing.caseTitle}
            </Title>
            <Badge size="lg" color={hearing.status === 'cancelled' ? 'gray' : hearing.status === 'held' ? 'green' : 'blue'}>
              {hearingStatusLabels[hearing.status]}
            </Badge>
          </Group>
          <Text c="dimmed">
            {hearing.caseTitle} ·{' '}
            <Anchor href={hrefFor({ page: 'case', id: hearing.caseId })} size="sm">
              打开案件
            </Anchor>{' '}
            ·{' '}
            <Anchor href={hrefFor({ page: 'hearings' })} size="sm">
              开庭排期
            </Anchor>
          </Text>
        </div>
        {can('presentation.show') && <SharedScreenButton open={screen.open} onToggle={screen.toggle} />}
      </Group>
      <SharedScreenPanel open={screen.open} caseId={hearing.caseId} hearingId={hearing.id} />
      <Card withBorder data-testid="hearing-header">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <div>
            <Text size="xs" c="dimmed">
              时间
            </Text>
            <Text fw={600}>
              {formatChineseDate(date)}（{formatWeekday(date)}）{timeRange(hearing.startsAt, hearing.endsAt)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              庭室
            </Text>
            <Text fw={600}>{hearing.roomName}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              仲裁庭（{procedureLabels[hearing.procedure]}）
            </Text>
            <Text fw={600}>
              {hearing.procedure === 'ordinary' ? `首席仲裁员 ${hearing.arbitratorNames[0] ?? ''}，仲裁员 ${hearing.arbitratorNames.slice(1).join('、')}` : `仲裁员 ${hearing.arbitratorNames.join('、')}`}；书记员 {hearing.clerkName}
            </Text>
          </div>
        </SimpleGrid>
        <Group mt="sm" gap="md">
          <NoticeLine hearing={hearing} onSaved={reload} />
          {hearing.representatives.length > 0 && (
            <Text size="sm" data-testid="hearing-representatives">
              代表人：{hearing.representatives.join('、')}
            </Text>
          )}
        </Group>
        {hearing.warnings.length > 0 && (
          <Alert color="orange" mt="sm" p="xs" data-testid="hearing-page-warnings">
            {hearing.warnings.map((w) => w.message).join('；')}
          </Alert>
        )}
      </Card>
      <Attendance key={JSON.stringify(hearing.attendance)} hearing={hearing} beforeSave={beforeSave} onSaved={setHearing} />
      {can('hearings.setTimes') && <HearingTimes key={`${hearing.openedAt}-${hearing.closedAt}`} hearing={hearing} onSaved={setHearing} />}
      <RecordEditor hearingId={hearing.id} record={hearing.record} disabled={hearing.status === 'cancelled' || !can('hearings.saveRecordStep')} flushRef={flush} />
      <CrossExamPanel caseId={hearing.caseId} hearingId={hearing.id} crossExaminations={hearing.crossExaminations} beforeSave={beforeSave} onSaved={reload} />
    </Stack>
  );
}

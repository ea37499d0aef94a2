import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { HearingDetail } from '../../../../electron/core/contract';
import { formatChineseDate, formatWeekday, todayInChina } from '../../../../electron/core/dates';
import { procedureLabels } from '../../../../electron/core/domain';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { hrefFor } from '../../router';
import { SharedScreenButton, SharedScreenPanel, useSharedScreen } from '../mediation/SharedScreen';
import { CrossExamPanel } from './CrossExamPanel';
import { hearingOutcomeConsequences, hearingOutcomeLabels, hearingStatusLabels, noticeStatus } from './labels';
import { RecordEditor } from './RecordEditor';
import { timeRange } from './time';

function Attendance({ hearing, beforeSave, onSaved }: { hearing: HearingDetail; beforeSave: () => Promise<void>; onSaved: (d: HearingDetail) => void }) {
  const [applicant, setApplicant] = useState(hearing.applicantPresent ?? true);
  const [respondent, setRespondent] = useState(hearing.respondentPresent ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = !applicant ? 'deemedWithdrawal' : !respondent ? 'default' : 'held';
  const can = useCan();
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeSave();
      onSaved(await call('hearings.attendance', { id: hearing.id, applicantPresent: applicant, respondentPresent: respondent }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="attendance">
      <Group justify="space-between" mb="xs">
        <Title order={4}>到庭情况</Title>
        {hearing.outcome && (
          <Badge color={hearing.outcome === 'held' ? 'green' : 'orange'} size="lg" data-testid="attendance-outcome">
            {hearingOutcomeLabels[hearing.outcome]}
          </Badge>
        )}
      </Group>
      <Group gap="lg" align="center">
        <Checkbox label="申请人到庭" checked={applicant} onChange={(e) => setApplicant(e.currentTarget.checked)} data-testid="applicant-present" />
        <Checkbox label="被申请人到庭" checked={respondent} onChange={(e) => setRespondent(e.currentTarget.checked)} data-testid="respondent-present" />
        <Button onClick={() => void save()} loading={busy} disabled={hearing.status === 'cancelled' || !can('hearings.attendance')} data-testid="attendance-save">
          {hearing.outcome ? '更正到庭情况' : '登记到庭情况'}
        </Button>
      </Group>
      <Text size="sm" mt="xs" c={preview === 'held' ? 'dimmed' : 'orange.9'} data-testid="attendance-consequence">
        {hearingOutcomeLabels[hearing.outcome ?? preview]}：{hearingOutcomeConsequences[hearing.outcome && hearing.applicantPresent === applicant && hearing.respondentPresent === respondent ? hearing.outcome : preview]}
      </Text>
      {preview !== 'held' && !hearing.noticeServedOn && !hearing.noticeWaived && (
        <Text size="xs" c="red" mt={4}>
          开庭通知未确认送达的，不能按撤回仲裁申请或缺席审理处理（《办案规则》第五十九条）。
        </Text>
      )}
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
    </Card>
  );
}

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
      <Attendance key={`${hearing.applicantPresent}-${hearing.respondentPresent}`} hearing={hearing} beforeSave={beforeSave} onSaved={setHearing} />
      <RecordEditor hearingId={hearing.id} record={hearing.record} disabled={hearing.status === 'cancelled' || !can('hearings.saveRecordStep')} flushRef={flush} />
      <CrossExamPanel caseId={hearing.caseId} hearingId={hearing.id} crossExaminations={hearing.crossExaminations} beforeSave={beforeSave} onSaved={reload} />
    </Stack>
  );
}

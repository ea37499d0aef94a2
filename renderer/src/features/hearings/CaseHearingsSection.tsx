import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CaseDetail, HearingView } from '../../../../electron/core/contract';
import { formatWeekday } from '../../../../electron/core/dates';
import { procedureLabels } from '../../../../electron/core/domain';
import { notifications } from '@mantine/notifications';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { hearingOutcomeLabels, hearingStatusLabels, noticeStatus } from './labels';
import { ScheduleHearingForm } from './ScheduleHearingForm';
import { TribunalCard } from './TribunalCard';
import { timeRange } from './time';

function CancelButton({ hearing, onDone }: { hearing: HearingView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
        取消开庭
      </Button>
    );
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput size="xs" placeholder="取消原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} aria-label="取消原因" />
      <Button
        size="compact-xs"
        color="red"
        onClick={async () => {
          try {
            await call('hearings.cancel', { id: hearing.id, reason });
            setOpen(false);
            onDone();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        确认
      </Button>
    </Group>
  );
}

/** The case's hearings (快审) and the form to schedule one. */
export function CaseHearingsSection({ detail }: { detail: CaseDetail }) {
  const can = useCan();
  const [hearings, setHearings] = useState<HearingView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const reload = useCallback(() => {
    call('hearings.forCase', { caseId: detail.id })
      .then((h) => {
        setHearings(h);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [detail.id]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((e) => e.type === 'hearings.changed' && e.caseId === detail.id && reload()), [detail.id, reload]);

  return (
    <Stack gap="md">
      <TribunalCard key={JSON.stringify(detail.tribunal)} detail={detail} onComposed={() => setFormKey((k) => k + 1)} />
      <Card withBorder data-testid="case-hearings">
        <Group justify="space-between" mb="xs">
          <Title order={4}>开庭安排</Title>
          <Anchor href="#/hearings" size="sm">
            查看开庭排期
          </Anchor>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {!hearings.length && (
          <Text size="sm" c="dimmed">
            尚未安排开庭
          </Text>
        )}
        {hearings.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>时间</Table.Th>
                <Table.Th>庭室</Table.Th>
                <Table.Th>仲裁庭</Table.Th>
                <Table.Th>开庭通知</Table.Th>
                <Table.Th>状态</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hearings.map((h) => {
                const notice = noticeStatus(h);
                const date = h.startsAt.slice(0, 10);
                return (
                  <Table.Tr key={h.id} data-testid="case-hearing-row">
                    <Table.Td>
                      <Anchor href={`#/hearings/${h.id}`} data-testid={`open-hearing-${h.id}`}>
                        {date}（{formatWeekday(date)}）{timeRange(h.startsAt, h.endsAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{h.roomName}</Table.Td>
                    <Table.Td>
                      {procedureLabels[h.procedure]}：{h.arbitratorNames.join('、')}；书记员 {h.clerkName}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={notice.color}>
                        {notice.text}
                      </Badge>
                      {h.warnings.map((w) => (
                        <Text key={w.kind} size="xs" c="orange.8">
                          ⚠ {w.message}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={h.status === 'cancelled' ? 'gray' : h.status === 'held' ? 'green' : 'blue'}>{hearingStatusLabels[h.status]}</Badge>
                      {h.outcome && (
                        <Text size="xs" mt={2}>
                          {hearingOutcomeLabels[h.outcome]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{h.status === 'scheduled' && can('hearings.cancel') && <CancelButton hearing={h} onDone={reload} />}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {!can('hearings.schedule') ? null : detail.status === 'accepted' ? (
        <ScheduleHearingForm
          key={`${formKey}-${JSON.stringify(detail.tribunal)}`}
          detail={detail}
          onScheduled={(h) => {
            notifications.show({ color: h.warnings.length ? 'orange' : 'green', title: '已安排开庭', message: h.warnings.length ? h.warnings.map((w) => w.message).join('；') : `${h.startsAt.replace('T', ' ')} ${h.roomName}` });
            setFormKey((k) => k + 1);
            reload();
          }}
        />
      ) : (
        <Alert color="yellow">案件受理后方可安排开庭。</Alert>
      )}
    </Stack>
  );
}

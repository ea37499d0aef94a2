import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Pill, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { MediationSessionView, MediationView } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { useCan } from '../../shell/session';

export const attendeeRoles = ['代表人', '申请人', '公司人员', '监察员', '住建联络员'] as const;
export const sessionOutcomeLabels: Record<MediationSessionView['outcome'], string> = { pending: '进行中', settled: '达成调解', partlySettled: '部分调解', failed: '调解不成' };
const outcomeColors: Record<MediationSessionView['outcome'], string> = { pending: 'gray', settled: 'green', partlySettled: 'yellow', failed: 'red' };

/** Mediation sessions: who came, who mediated, what happened; and the form to add one. */
export function MediationSessions({ caseId, sessions, representatives, onSaved }: { caseId: number; sessions: MediationSessionView[]; representatives: string[]; onSaved: (view: MediationView) => void }) {
  const [heldOn, setHeldOn] = useState(todayInChina());
  const [mediator, setMediator] = useState('');
  const [attendees, setAttendees] = useState<{ role: string; name: string }[]>(() => representatives.map((name) => ({ role: '代表人', name })));
  const [role, setRole] = useState<string>('公司人员');
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addAttendee = () => {
    const n = name.trim();
    if (!n) return;
    setAttendees([...attendees, { role, name: n }]);
    setName('');
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await call('mediation.addSession', { caseId, heldOn, mediator: mediator.trim(), attendees, notes, track: 'arbitration' });
      onSaved(view);
      setNotes('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const can = useCan();
  return (
    <Card withBorder data-testid="mediation-sessions">
      <Title order={4} mb="xs">
        调解记录
      </Title>
      <Stack gap="xs">
        {sessions.length === 0 && (
          <Text size="sm" c="dimmed">
            尚无调解记录
          </Text>
        )}
        {sessions.map((s) => (
          <Card key={s.id} withBorder p="xs" data-testid="mediation-session">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {s.heldOn} · 调解员 {s.mediator}
                {s.track === 'inspection' ? ' · 监察' : ''}
              </Text>
              <Badge color={outcomeColors[s.outcome]}>{sessionOutcomeLabels[s.outcome]}</Badge>
            </Group>
            <Group gap={4} mt={4}>
              {s.attendees.map((a, i) => (
                <Pill key={i} size="sm">
                  {a.role}：{a.name}
                </Pill>
              ))}
            </Group>
            {s.notes && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {s.notes}
              </Text>
            )}
          </Card>
        ))}
        {can('mediation.addSession') && <Card withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600} mb={4}>
            新增调解记录
          </Text>
          <Stack gap="xs">
            <Group grow>
              <TextInput label="调解日期" type="date" value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} />
              <TextInput label="调解员" value={mediator} onChange={(e) => setMediator(e.currentTarget.value)} data-testid="session-mediator" />
            </Group>
            <div>
              <Text size="sm" fw={500}>
                到场人员
              </Text>
              <Group gap={4} my={4} data-testid="session-attendees">
                {attendees.map((a, i) => (
                  <Pill key={i} withRemoveButton onRemove={() => setAttendees(attendees.filter((_, j) => j !== i))}>
                    {a.role}：{a.name}
                  </Pill>
                ))}
              </Group>
              <Group gap="xs" align="flex-end">
                <Select data={[...attendeeRoles]} value={role} onChange={(v) => v && setRole(v)} allowDeselect={false} w={130} aria-label="身份" />
                <TextInput
                  placeholder="姓名"
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addAttendee();
                    }
                  }}
                  aria-label="到场人员姓名"
                  data-testid="attendee-name"
                />
                <Button variant="light" onClick={addAttendee}>
                  添加
                </Button>
              </Group>
            </div>
            <Textarea label="调解情况" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            {error && <Alert color="red">{error}</Alert>}
            <Group justify="flex-end">
              <Button onClick={() => void submit()} loading={busy} data-testid="session-add">
                保存调解记录
              </Button>
            </Group>
          </Stack>
        </Card>}
      </Stack>
    </Card>
  );
}

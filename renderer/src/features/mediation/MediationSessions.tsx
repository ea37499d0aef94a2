import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Pill, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { Attendee, MediationSessionView, MediationView } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { AttendeePicker, attendeeText, type RespondentOption } from './AttendeePicker';
import { useCan } from '../../shell/session';

export const sessionOutcomeLabels: Record<MediationSessionView['outcome'], string> = { pending: '进行中', settled: '达成调解', partlySettled: '部分调解', failed: '调解不成' };
const outcomeColors: Record<MediationSessionView['outcome'], string> = { pending: 'gray', settled: 'green', partlySettled: 'yellow', failed: 'red' };
const outcomeOptions = (Object.keys(sessionOutcomeLabels) as MediationSessionView['outcome'][]).map((value) => ({ value, label: sessionOutcomeLabels[value] }));

type Draft = { heldOn: string; mediator: string; attendees: Attendee[]; notes: string; outcome: MediationSessionView['outcome'] };

/** The fields of a session, for adding one or correcting one. */
function SessionFields({ draft, onChange, respondents, withOutcome, prefix }: { draft: Draft; onChange: (d: Draft) => void; respondents: RespondentOption[]; withOutcome: boolean; prefix: string }) {
  return (
    <Stack gap="xs">
      <Group grow>
        <TextInput label="调解日期" type="date" value={draft.heldOn} onChange={(e) => onChange({ ...draft, heldOn: e.currentTarget.value })} data-testid={`${prefix}-date`} />
        <TextInput label="调解员" value={draft.mediator} onChange={(e) => onChange({ ...draft, mediator: e.currentTarget.value })} data-testid={`${prefix}-mediator`} />
        {withOutcome && <Select label="本次结果" data={outcomeOptions} value={draft.outcome} onChange={(v) => v && onChange({ ...draft, outcome: v as Draft['outcome'] })} allowDeselect={false} data-testid={`${prefix}-outcome`} />}
      </Group>
      <AttendeePicker value={draft.attendees} onChange={(attendees) => onChange({ ...draft, attendees })} respondents={respondents} testId={`${prefix}-attendees`} />
      <Textarea label="调解情况" autosize minRows={2} value={draft.notes} onChange={(e) => onChange({ ...draft, notes: e.currentTarget.value })} data-testid={`${prefix}-notes`} />
    </Stack>
  );
}

/** One session: what happened; editable (date, mediator, attendees, notes, result) until the case is closed. */
function SessionCard({ session, respondents, closed, onSaved }: { session: MediationSessionView; respondents: RespondentOption[]; closed: boolean; onSaved: (view: MediationView) => void }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await call('mediation.updateSession', { id: session.id, heldOn: draft.heldOn, mediator: draft.mediator.trim(), attendees: draft.attendees, notes: draft.notes, outcome: draft.outcome }));
      setDraft(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder p="xs" data-testid="mediation-session">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {session.heldOn} · 调解员 {session.mediator}
          {session.track === 'inspection' ? ' · 监察' : ''}
        </Text>
        <Group gap={6}>
          <Badge color={outcomeColors[session.outcome]} data-testid="session-outcome">
            {sessionOutcomeLabels[session.outcome]}
          </Badge>
          {!closed && !draft && (
            <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ heldOn: session.heldOn, mediator: session.mediator, attendees: session.attendees, notes: session.notes, outcome: session.outcome })} data-testid={`session-edit-${session.id}`}>
              修改
            </Button>
          )}
        </Group>
      </Group>
      {draft ? (
        <Stack gap="xs" mt="xs">
          <SessionFields draft={draft} onChange={setDraft} respondents={respondents} withOutcome prefix={`session-${session.id}`} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              取消
            </Button>
            <Button size="xs" onClick={() => void save()} loading={busy} data-testid={`session-save-${session.id}`}>
              保存修改
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Group gap={4} mt={4}>
            {session.attendees.map((a, i) => (
              <Pill key={i} size="sm" bg={a.respondentId != null ? 'orange.0' : undefined}>
                {attendeeText(a, respondents)}
              </Pill>
            ))}
          </Group>
          {session.notes && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {session.notes}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}

/** Mediation sessions: who came (each respondent's people marked), who mediated, what happened; and the form to add one. */
export function MediationSessions({
  caseId,
  sessions,
  representatives,
  respondents,
  closed,
  onSaved,
}: {
  caseId: number;
  sessions: MediationSessionView[];
  representatives: string[];
  respondents: RespondentOption[];
  closed: boolean;
  onSaved: (view: MediationView) => void;
}) {
  const fresh = (): Draft => ({ heldOn: todayInChina(), mediator: '', attendees: representatives.map((name) => ({ role: '代表人', name, respondentId: null })), notes: '', outcome: 'pending' });
  const [draft, setDraft] = useState<Draft>(fresh);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await call('mediation.addSession', { caseId, heldOn: draft.heldOn, mediator: draft.mediator.trim(), attendees: draft.attendees, notes: draft.notes, track: 'arbitration' });
      onSaved(view);
      setDraft({ ...fresh(), mediator: draft.mediator });
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
          <SessionCard key={s.id} session={s} respondents={respondents} closed={closed} onSaved={onSaved} />
        ))}
        {!closed && can('mediation.addSession') && (
          <Card withBorder p="sm" bg="gray.0">
            <Text size="sm" fw={600} mb={4}>
              新增调解记录
            </Text>
            <SessionFields draft={draft} onChange={setDraft} respondents={respondents} withOutcome={false} prefix="session" />
            {error && (
              <Alert color="red" mt="xs">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" mt="xs">
              <Button onClick={() => void submit()} loading={busy} data-testid="session-add">
                保存调解记录
              </Button>
            </Group>
          </Card>
        )}
      </Stack>
    </Card>
  );
}

import { useState } from 'react';
import { Button, Group, Pill, Select, Text, TextInput } from '@mantine/core';
import type { Attendee } from '../../../../electron/core/contract';

export type RespondentOption = { id: number; name: string; kind: 'company' | 'person' };

const ownSide = ['代表人', '申请人', '委托代理人'];
const others = ['监察员', '住建联络员', '人民调解员'];

/** The role options: the applicant side, each respondent's people (its staff, its agent, a team leader himself), others. */
function roleOptions(respondents: RespondentOption[]) {
  return [
    { group: '申请人方', items: ownSide.map((r) => ({ value: `::${r}`, label: r })) },
    ...respondents.map((r) => ({
      group: `被申请人 ${r.name}`,
      items: (r.kind === 'person' ? ['本人', '委托代理人'] : ['法定代表人', '公司人员', '委托代理人']).map((role) => ({ value: `${r.id}::${role}`, label: `${r.name} · ${role}` })),
    })),
    { group: '其他', items: others.map((r) => ({ value: `::${r}`, label: r })) },
  ];
}

export function attendeeText(a: Attendee, respondents: RespondentOption[]): string {
  const of = a.respondentId != null ? respondents.find((r) => r.id === a.respondentId)?.name : null;
  return of ? `${of}·${a.role}：${a.name}` : `${a.role}：${a.name}`;
}

/** 到场人员: pills to remove, a role (per respondent for the other side) and a name to add. */
export function AttendeePicker({ value, onChange, respondents, testId }: { value: Attendee[]; onChange: (v: Attendee[]) => void; respondents: RespondentOption[]; testId?: string }) {
  const [role, setRole] = useState<string>(respondents[0] ? `${respondents[0].id}::${respondents[0].kind === 'person' ? '本人' : '公司人员'}` : '::代表人');
  const [name, setName] = useState('');
  const add = () => {
    const n = name.trim() || (role.endsWith('::本人') ? (respondents.find((r) => role.startsWith(`${r.id}::`))?.name ?? '') : '');
    if (!n) return;
    const [rid, r] = role.split('::') as [string, string];
    onChange([...value, { role: r, name: n, respondentId: rid ? Number(rid) : null }]);
    setName('');
  };
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500}>
        到场人员
      </Text>
      <Group gap={4} my={4} data-testid={testId ? `${testId}-list` : undefined}>
        {value.map((a, i) => (
          <Pill key={i} withRemoveButton onRemove={() => onChange(value.filter((_, j) => j !== i))} bg={a.respondentId != null ? 'orange.0' : undefined}>
            {attendeeText(a, respondents)}
          </Pill>
        ))}
        {!value.length && (
          <Text size="xs" c="dimmed">
            尚未添加
          </Text>
        )}
      </Group>
      <Group gap="xs" align="flex-end">
        <Select data={roleOptions(respondents)} value={role} onChange={(v) => v && setRole(v)} allowDeselect={false} w={260} aria-label="身份" data-testid={testId ? `${testId}-role` : undefined} />
        <TextInput
          placeholder={role.endsWith('::本人') ? '（本人，可不填）' : '姓名'}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          aria-label="到场人员姓名"
          data-testid={testId ? `${testId}-name` : 'attendee-name'}
        />
        <Button variant="light" onClick={add} data-testid={testId ? `${testId}-add` : undefined}>
          添加
        </Button>
      </Group>
    </div>
  );
}

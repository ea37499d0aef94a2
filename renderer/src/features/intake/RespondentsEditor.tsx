/**
 * 被申请人 list: one card per party, plus buttons to add a party of a given role. A new party is
 * assumed to be contracted by the nearest party above it in the chain (the clerk can change it).
 */
import { memo, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { partyRoleLabels, partyRoles, type PartyRole } from '../../../../electron/core/domain';
import type { FormChecks } from './intakeChecks';
import { chainDescendants, emptyRespondent, type RespondentDraft } from './intakeModel';
import { RespondentCard, type ContractorOption } from './RespondentCard';
import type { IntakeActions } from './useIntakeDraft';
import classes from './RespondentsEditor.module.css';

function describe(r: RespondentDraft, i: number): string {
  return `被申请人${i + 1} · ${partyRoleLabels[r.role]} · ${r.name.trim() || '（未填名称）'}`;
}

/** The party right above `role` in the chain among those already listed (last one wins). */
function defaultContractor(list: RespondentDraft[], role: PartyRole): string | null {
  const rank = partyRoles.indexOf(role);
  let best: RespondentDraft | null = null;
  for (const r of list) {
    const rr = partyRoles.indexOf(r.role);
    if (rr < rank && (!best || rr >= partyRoles.indexOf(best.role))) best = r;
  }
  return best?.key ?? null;
}

export const RespondentsEditor = memo(function RespondentsEditor({
  respondents,
  checks,
  revealRequired,
  actions,
}: {
  respondents: RespondentDraft[];
  checks: FormChecks;
  revealRequired: boolean;
  actions: IntakeActions;
}) {
  const [justAdded, setJustAdded] = useState<string | null>(null);

  const add = (role: PartyRole) => {
    const r = { ...emptyRespondent(role), contractedByKey: defaultContractor(respondents, role) };
    actions.addRespondent(role, r);
    setJustAdded(r.key);
  };

  return (
    <Paper withBorder p="md" className={classes.reserveErrors}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>被申请人</Title>
          <Text size="xs" c="dimmed">
            按发包链条填写：建设单位 → 施工总承包 → 分包 / 劳务分包 → 班组长
          </Text>
        </Group>
        {respondents.map((r, i) => {
          const below = chainDescendants(respondents, r.key);
          const options: ContractorOption[] = respondents
            .map((o, j) => ({ o, j }))
            .filter(({ o }) => o.key !== r.key && !below.has(o.key))
            .map(({ o, j }) => ({ value: o.key, label: describe(o, j) }));
          return (
            <RespondentCard
              key={r.key}
              respondent={r}
              index={i}
              issues={checks.respondents[r.key]}
              contractorOptions={options}
              canRemove={respondents.length > 1}
              autoFocus={r.key === justAdded}
              revealRequired={revealRequired}
              actions={actions}
            />
          );
        })}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            添加被申请人：
          </Text>
          {partyRoles.map((role) => (
            <Button key={role} size="compact-sm" variant="light" onClick={() => add(role)} data-testid={`add-respondent-${role}`}>
              + {partyRoleLabels[role]}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
});

/**
 * The chain parties already known for a picked project, offered as respondents (one by one or all).
 */
import { useState } from 'react';
import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { call } from '../../api';
import type { OrganisationView, ProjectView } from '../../../../electron/core/contract';
import { partyRoleLabels, partyRoles } from '../../../../electron/core/domain';
import { emptyRespondent, respondentFromOrganisation, type RespondentDraft } from './intakeModel';
import type { IntakeActions } from './useIntakeDraft';

type Party = ProjectView['parties'][number];

const partyKey = (p: { organisationId: number | null; role: string }) => `${p.organisationId}:${p.role}`;

/** Loads the organisation's details for the respondent card; falls back to the name alone. */
async function organisationFor(party: Party): Promise<OrganisationView | null> {
  try {
    const found = await call('organisations.search', { query: party.name });
    return found.find((o) => o.id === party.organisationId) ?? null;
  } catch {
    return null;
  }
}

async function toRespondents(parties: Party[], existing: RespondentDraft[]): Promise<RespondentDraft[]> {
  const orgs = await Promise.all(parties.map(organisationFor));
  const made = parties.map((party, i) => {
    const org = orgs[i];
    if (org) return respondentFromOrganisation(org, party.role);
    const r = emptyRespondent(party.role);
    return { ...r, organisationId: party.organisationId, name: party.name };
  });
  // the chain: contractedById (organisation) → the key of that organisation's respondent card
  const keyOfOrg = new Map<number, string>();
  for (const r of existing) if (r.organisationId !== null) keyOfOrg.set(r.organisationId, r.key);
  for (const r of made) if (r.organisationId !== null && !keyOfOrg.has(r.organisationId)) keyOfOrg.set(r.organisationId, r.key);
  return made.map((r, i) => {
    const by = parties[i].contractedById;
    return { ...r, contractedByKey: by !== null ? (keyOfOrg.get(by) ?? null) : null };
  });
}

export function ProjectPartiesSuggestion({
  parties,
  respondents,
  actions,
}: {
  parties: Party[];
  respondents: RespondentDraft[];
  actions: IntakeActions;
}) {
  const [busy, setBusy] = useState(false);
  const added = new Set(respondents.map(partyKey));
  const sorted = [...parties].sort((a, b) => partyRoles.indexOf(a.role) - partyRoles.indexOf(b.role));
  const pending = sorted.filter((p) => !added.has(partyKey(p)));
  const nameOf = new Map(parties.map((p) => [p.organisationId, p.name]));

  const add = async (list: Party[]) => {
    setBusy(true);
    try {
      actions.addRespondents(await toRespondents(list, respondents));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="project-parties">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          该项目已登记的参建单位
        </Text>
        <Button size="compact-sm" variant="light" disabled={!pending.length} loading={busy} onClick={() => add(pending)}>
          全部添加为被申请人
        </Button>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {sorted.map((p) => (
            <Table.Tr key={partyKey(p)}>
              <Table.Td w={110}>
                <Text size="sm" c="dimmed">
                  {partyRoleLabels[p.role]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {p.contractedById !== null && nameOf.has(p.contractedById) ? `由 ${nameOf.get(p.contractedById)} 发包` : ''}
                </Text>
              </Table.Td>
              <Table.Td w={90} ta="right">
                {added.has(partyKey(p)) ? (
                  <Text size="xs" c="teal">
                    已添加
                  </Text>
                ) : (
                  <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => add([p])}>
                    添加
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

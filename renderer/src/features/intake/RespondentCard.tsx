/**
 * One respondent: role in the project chain, company or person, pick a known record or type a
 * new one, and who contracted it (由谁发包).
 */
import { memo, useState } from 'react';
import { ActionIcon, Badge, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Text, TextInput, Tooltip } from '@mantine/core';
import { call } from '../../api';
import type { OrganisationView } from '../../../../electron/core/contract';
import { partyRoleLabels, partyRoles, type PartyRole } from '../../../../electron/core/domain';
import { SearchCombobox } from '../../ui/SearchCombobox';
import type { RespondentIssues } from './intakeChecks';
import type { RespondentDraft } from './intakeModel';
import type { IntakeActions } from './useIntakeDraft';

const roleData = partyRoles.map((r) => ({ value: r, label: partyRoleLabels[r] }));
const kindData = [
  { value: 'company', label: '单位' },
  { value: 'person', label: '个人' },
];

const searchOrganisations = (query: string) => call('organisations.search', { query });

export type ContractorOption = { value: string; label: string };

type Props = {
  respondent: RespondentDraft;
  index: number;
  issues: RespondentIssues | undefined;
  /** respondents this one may be contracted by (not itself, nothing below it in the chain) */
  contractorOptions: ContractorOption[];
  canRemove: boolean;
  autoFocus: boolean;
  revealRequired: boolean;
  actions: IntakeActions;
};

export const RespondentCard = memo(function RespondentCard({
  respondent: r,
  index,
  issues,
  contractorOptions,
  canRemove,
  autoFocus,
  revealRequired,
  actions,
}: Props) {
  // an error shows once the clerk has typed in the field and left it — not when an empty field
  // that was only focused (a card just added) loses the focus to the next click
  const [nameDirty, setNameDirty] = useState(false);
  const [nameTouched, setNameTouched] = useState(false);
  const person = r.kind === 'person';
  /** editing any detail of a picked record makes it a typed one (the backend matches it by code) */
  const edit = (p: Partial<RespondentDraft>) => actions.updateRespondent(r.key, { ...p, organisationId: null });
  const n = index + 1;

  return (
    <Paper withBorder p="sm" data-testid={`respondent-${index}`}>
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            被申请人{n}
          </Text>
          {r.organisationId !== null && (
            <Badge size="sm" variant="light" color="teal">
              已登记
            </Badge>
          )}
        </Group>
        <Tooltip label="删除此被申请人">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`删除被申请人${n}`}
            disabled={!canRemove}
            onClick={() => actions.removeRespondent(r.key)}
            tabIndex={-1}
          >
            ✕
          </ActionIcon>
        </Tooltip>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <NativeSelect
          label="在项目中的角色"
          aria-label={`被申请人${n} 角色`}
          data-testid={`respondent-role-${index}`}
          data={roleData}
          value={r.role}
          onChange={(e) => {
            const role = e.currentTarget.value as PartyRole;
            // a team leader is a natural person unless the clerk has already typed a company code
            const kind = role === 'teamLeader' && r.creditCode.trim() === '' && r.organisationId === null ? 'person' : r.kind;
            actions.updateRespondent(r.key, { role, kind });
          }}
        />
        <div style={{ paddingBottom: 18 }}>
          <Text size="sm" fw={500} mb={4}>
            类型
          </Text>
          <SegmentedControl
            aria-label={`被申请人${n} 类型`}
            data={kindData}
            value={r.kind}
            onChange={(v) => edit({ kind: v as 'company' | 'person' })}
            fullWidth
          />
        </div>
        <SearchCombobox<OrganisationView>
          label={person ? '姓名' : '单位名称'}
          aria-label={`被申请人${n} ${person ? '姓名' : '单位名称'}`}
          data-testid={`respondent-name-${index}`}
          placeholder="输入名称或信用代码查找，或直接填写"
          required
          autoFocus={autoFocus}
          value={r.name}
          error={issues?.name && (nameTouched || revealRequired) ? issues.name : undefined}
          onBlur={() => nameDirty && setNameTouched(true)}
          onChange={(name) => {
            setNameDirty(true);
            edit({ name });
          }}
          search={searchOrganisations}
          itemKey={(o) => String(o.id)}
          dropdownTitle={<Text size="xs" c="dimmed">已登记的单位和个人</Text>}
          renderItem={(o) => (
            <div>
              <Text size="sm">{o.name}</Text>
              <Text size="xs" c="dimmed" className="mono">
                {o.kind === 'person' ? `个人 ${o.idNumber ?? ''}` : (o.creditCode ?? '无信用代码')}
              </Text>
            </div>
          )}
          onPick={(o) =>
            actions.updateRespondent(r.key, {
              organisationId: o.id,
              kind: o.kind,
              name: o.name,
              creditCode: o.creditCode ?? '',
              idNumber: o.idNumber ?? '',
              legalRepresentative: o.legalRepresentative ?? '',
              address: o.address ?? '',
              phone: o.phone ?? '',
            })
          }
        />
        <NativeSelect
          label="由谁发包"
          aria-label={`被申请人${n} 由谁发包`}
          data-testid={`respondent-contracted-by-${index}`}
          data={[{ value: '', label: '—（无 / 不详）' }, ...contractorOptions]}
          value={r.contractedByKey ?? ''}
          onChange={(e) => actions.updateRespondent(r.key, { contractedByKey: e.currentTarget.value || null })}
        />
        {person ? (
          <TextInput
            label="身份证号码"
            aria-label={`被申请人${n} 身份证号码`}
            className="mono"
            value={r.idNumber}
            onChange={(e) => edit({ idNumber: e.currentTarget.value })}
            error={issues?.idNumber}
            maxLength={30}
          />
        ) : (
          <TextInput
            label="统一社会信用代码"
            aria-label={`被申请人${n} 统一社会信用代码`}
            data-testid={`respondent-credit-code-${index}`}
            className="mono"
            value={r.creditCode}
            onChange={(e) => edit({ creditCode: e.currentTarget.value })}
            error={issues?.creditCode}
            maxLength={30}
          />
        )}
        {!person && (
          <TextInput
            label="法定代表人"
            aria-label={`被申请人${n} 法定代表人`}
            value={r.legalRepresentative}
            onChange={(e) => edit({ legalRepresentative: e.currentTarget.value })}
          />
        )}
        <TextInput
          label="联系电话"
          aria-label={`被申请人${n} 联系电话`}
          value={r.phone}
          onChange={(e) => edit({ phone: e.currentTarget.value })}
          error={issues?.phone}
        />
        <TextInput
          label="地址"
          aria-label={`被申请人${n} 地址`}
          value={r.address}
          onChange={(e) => edit({ address: e.currentTarget.value })}
        />
      </SimpleGrid>
    </Paper>
  );
});

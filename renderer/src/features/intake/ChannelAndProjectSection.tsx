/**
 * 收案信息 (channel, date, procedure, cause) and 工程项目 (pick a known project or type a new one).
 */
import { memo, useState } from 'react';
import { Badge, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { call } from '../../api';
import type { ProjectView } from '../../../../electron/core/contract';
import { channelLabels, channels, procedureLabels, procedures, type Channel, type Procedure, type Track } from '../../../../electron/core/domain';
import { SearchCombobox } from '../../ui/SearchCombobox';
import type { FormChecks } from './intakeChecks';
import type { IntakeDraft, RespondentDraft } from './intakeModel';
import type { IntakeActions } from './useIntakeDraft';
import { ProjectPartiesSuggestion } from './ProjectPartiesSuggestion';

const channelData = channels.map((c) => ({ value: c, label: channelLabels[c] }));
const procedureData = procedures.map((p) => ({ value: p, label: procedureLabels[p] }));

const searchProjects = (query: string) => call('projects.search', { query });

type Props = {
  startTrack: Track;
  complaintNumber: string;
  inspectors: string;
  channel: Channel;
  receivedOn: string;
  procedure: Procedure;
  /** 10 or more workers: a collective dispute, heard by three arbitrators (no 简易处理). */
  collective: boolean;
  cause: string;
  project: IntakeDraft['project'];
  respondents: RespondentDraft[];
  checks: FormChecks;
  today: string;
  /** mark empty required fields even if they were never visited */
  revealRequired: boolean;
  actions: IntakeActions;
};

export const ChannelAndProjectSection = memo(function ChannelAndProjectSection({
  startTrack,
  complaintNumber,
  inspectors,
  channel,
  receivedOn,
  procedure,
  collective,
  cause,
  project,
  respondents,
  checks,
  today,
  revealRequired,
  actions,
}: Props) {
  const picked = project.id !== null;
  const [nameTouched, setNameTouched] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>收案信息</Title>
        <Group gap="sm" align="end">
          <Input.Wrapper label="登记为">
            <SegmentedControl
              aria-label="登记为"
              data-testid="intake-track"
              data={[
                { value: 'arbitration', label: '仲裁申请' },
                { value: 'inspection', label: '监察投诉（可转仲裁）' },
              ]}
              value={startTrack}
              onChange={(v) => actions.patch({ startTrack: v as Track })}
            />
          </Input.Wrapper>
          {startTrack === 'inspection' && (
            <>
              <TextInput label="投诉编号" value={complaintNumber} onChange={(e) => actions.patch({ complaintNumber: e.currentTarget.value })} data-testid="complaint-number" />
              <TextInput label="承办监察员" value={inspectors} onChange={(e) => actions.patch({ inspectors: e.currentTarget.value })} placeholder="至少两名，用顿号分隔" w={260} />
            </>
          )}
        </Group>
        <Input.Wrapper label="来源渠道" id="intake-channel">
          <SegmentedControl
            aria-label="来源渠道"
            data-testid="intake-channel"
            data={channelData}
            value={channel}
            onChange={(v) => actions.patch({ channel: v as Channel })}
            style={{ display: 'flex' }}
            fullWidth
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateInput
            label="收案日期"
            aria-label="收案日期"
            data-testid="received-on"
            valueFormat="YYYY-MM-DD"
            value={receivedOn || null}
            maxDate={today}
            onChange={(v) => actions.patch({ receivedOn: v ?? '' })}
            error={checks.receivedOn}
            required
          />
          <Input.Wrapper label="程序" description={collective ? '集体争议：三名仲裁员组庭' : undefined}>
            <SegmentedControl
              aria-label="程序"
              data-testid="intake-procedure"
              data={procedureData}
              value={collective ? 'ordinary' : procedure}
              disabled={collective}
              onChange={(v) => actions.patch({ procedure: v as Procedure })}
              fullWidth
            />
          </Input.Wrapper>
          <TextInput
            label="案由"
            value={cause}
            onChange={(e) => actions.patch({ cause: e.currentTarget.value })}
            error={checks.cause}
            required
          />
        </SimpleGrid>

        <Group justify="space-between" mt="xs">
          <Title order={4}>工程项目</Title>
          {picked && (
            <Badge variant="light" color="teal">
              已登记项目
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SearchCombobox<ProjectView>
            label="项目名称"
            placeholder="输入项目名称查找，或直接填写新项目"
            data-testid="project-name"
            aria-label="项目名称"
            required
            value={project.name}
            error={nameTouched || revealRequired ? checks.project.name : undefined}
            onBlur={() => setNameTouched(true)}
            onChange={(name) =>
              actions.patchProject(picked ? { name, id: null, parties: [], address: '', permitNumber: '' } : { name })
            }
            search={searchProjects}
            itemKey={(p) => String(p.id)}
            dropdownTitle={<Text size="xs" c="dimmed">已登记的项目（↓ 选择，Enter 确认）</Text>}
            renderItem={(p) => (
              <div>
                <Text size="sm">{p.name}</Text>
                <Text size="xs" c="dimmed">
                  {[p.address, p.permitNumber && `施工许可证 ${p.permitNumber}`, p.parties.length ? `参建单位${p.parties.length}家` : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Text>
              </div>
            )}
            onPick={(p) =>
              actions.patchProject({
                id: p.id,
                name: p.name,
                address: p.address ?? '',
                permitNumber: p.permitNumber ?? '',
                parties: p.parties,
              })
            }
          />
          <TextInput
            label="项目地址"
            value={project.address}
            readOnly={picked}
            variant={picked ? 'filled' : 'default'}
            title={picked ? '已登记项目的信息不在此修改' : undefined}
            onChange={(e) => actions.patchProject({ address: e.currentTarget.value })}
          />
          <TextInput
            label="施工许可证号"
            value={project.permitNumber}
            readOnly={picked}
            variant={picked ? 'filled' : 'default'}
            title={picked ? '已登记项目的信息不在此修改' : undefined}
            onChange={(e) => actions.patchProject({ permitNumber: e.currentTarget.value })}
          />
        </SimpleGrid>
        {picked && project.parties.length > 0 && (
          <ProjectPartiesSuggestion parties={project.parties} respondents={respondents} actions={actions} />
        )}
      </Stack>
    </Paper>
  );
});

import { useState } from 'react';
import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail, ExhibitView } from '../../../../electron/core/contract';
import { EvidenceList } from './EvidenceList';
import { EvidenceUpload } from './EvidenceUpload';
import { EvidenceViewer } from './EvidenceViewer';
import { ExportBundleButton } from './Bundle';
import { useEvidence } from './useEvidence';
import { useVerify, VerifyButton, VerifyReportView } from './VerifyPanel';
import { useCan } from '../../shell/session';

/** The case's 证据 tab: add files, the numbered evidence list, viewer, 校验 and 案卷包 export. */
export function EvidenceSection({ detail }: { detail: CaseDetail }) {
  const { exhibits, error, setExhibits, replace, reload } = useEvidence(detail.id);
  const [viewing, setViewing] = useState<number | null>(null);
  const verify = useVerify();
  const viewed: ExhibitView | null = exhibits?.find((e) => e.id === viewing) ?? null;
  const defaultTrack = !detail.hasArbitration && detail.inspection ? 'inspection' : 'arbitration';
  const can = useCan();

  return (
    <Stack gap="md" data-testid="evidence-section">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={4}>证据目录</Title>
            <Text size="sm" c="dimmed">
              {exhibits ? `共 ${exhibits.length} 件` : ''} · 仲裁与监察共用一份案卷，一方取得的证据经认可后另一方直接引用
            </Text>
          </div>
          <Group gap="xs">
            {can('evidence.verifyStart') && <VerifyButton verify={verify} />}
            {can('bundle.export') && <ExportBundleButton caseId={detail.id} />}
          </Group>
        </Group>
        <Stack gap="sm">
          <VerifyReportView verify={verify} />
          {can('evidence.addFromPaths') && <EvidenceUpload caseId={detail.id} defaultTrack={defaultTrack} onAdded={reload} />}
          {error && <Alert color="red">{error}</Alert>}
          {!exhibits && !error && <Loader size="sm" />}
          {exhibits && (
            <EvidenceList detail={detail} exhibits={exhibits} onReplace={replace} onList={setExhibits} onReload={reload} onOpen={(e) => setViewing(e.id)} />
          )}
        </Stack>
      </Paper>
      <EvidenceViewer exhibit={viewed} onClose={() => setViewing(null)} />
    </Stack>
  );
}

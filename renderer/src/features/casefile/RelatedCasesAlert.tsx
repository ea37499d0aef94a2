import { Alert, Anchor, List, Text } from '@mantine/core';
import type { RelatedCase } from '../../../../electron/core/contract';
import { caseStatusLabels } from '../../../../electron/core/domain';
import { hrefFor } from '../../router';

/** Open cases sharing a worker, respondent or project: possible duplicate filing or 串案. */
export function RelatedCasesAlert({ related }: { related: RelatedCase[] }) {
  if (!related.length) return null;
  return (
    <Alert color="yellow" title={`关联案件 ${related.length} 件：受理前请核对是否重复立案或串案`} data-testid="related-cases">
      <List size="sm" spacing={4}>
        {related.slice(0, 20).map((r) => (
          <List.Item key={r.caseId}>
            <Anchor href={hrefFor({ page: 'case', id: r.caseId })}>{r.caseNumber ?? `收案 ${r.receivedOn}（${caseStatusLabels[r.status]}）`}</Anchor>
            <Text span size="sm"> — {r.reasons.join('；')}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

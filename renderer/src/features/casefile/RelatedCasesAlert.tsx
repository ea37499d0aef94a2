import { Alert, Anchor, List, Text } from '@mantine/core';
import type { RelatedCase } from '../../../../electron/core/contract';
import { caseStatusLabels } from '../../../../electron/core/domain';
import { hrefFor } from '../../router';

const caseLink = (r: RelatedCase) => <Anchor href={hrefFor({ page: 'case', id: r.caseId })}>{r.caseNumber ?? `收案 ${r.receivedOn}（${caseStatusLabels[r.status]}）`}</Anchor>;

/**
 * Claims already decided elsewhere (一事不再理: an effective 调解书 or an award on the same worker's
 * claims against the same respondent, open or closed case), then open cases sharing a worker,
 * respondent or project: possible duplicate filing or 串案.
 */
export function RelatedCasesAlert({ related }: { related: RelatedCase[] }) {
  const decided = related.filter((r) => r.alreadyDecided.length);
  const open = related.filter((r) => r.status === 'received' || r.status === 'accepted');
  if (!decided.length && !open.length) return null;
  return (
    <>
      {decided.length > 0 && (
        <Alert color="red" title={`一事不再理：${decided.reduce((n, r) => n + r.alreadyDecided.length, 0)}项请求已由生效调解书或裁决书处理，受理前请核对`} data-testid="related-decided">
          <List size="sm" spacing={4}>
            {decided.slice(0, 20).map((r) => (
              <List.Item key={r.caseId}>
                {caseLink(r)}
                <Text span size="sm">
                  {' '}
                  — {r.alreadyDecided.slice(0, 5).join('；')}
                  {r.alreadyDecided.length > 5 ? `等${r.alreadyDecided.length}项` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="xs" mt={6}>
            同一劳动者就同一请求对同一被申请人已有生效法律文书的，不得重复受理（《劳动人事争议仲裁办案规则》第三十四条）；新的请求或新的事实可以受理。
          </Text>
        </Alert>
      )}
      {open.length > 0 && (
        <Alert color="yellow" title={`关联案件 ${open.length} 件：受理前请核对是否重复立案或串案`} data-testid="related-cases">
          <List size="sm" spacing={4}>
            {open.slice(0, 20).map((r) => (
              <List.Item key={r.caseId}>
                {caseLink(r)}
                <Text span size="sm"> — {r.reasons.join('；')}</Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

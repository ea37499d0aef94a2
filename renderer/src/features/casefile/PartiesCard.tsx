import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { CaseDetail } from '../../../../electron/core/contract';
import { partyRoleLabels } from '../../../../electron/core/domain';

/** The project and the chain of respondents (who contracted whom). */
export function PartiesCard({ detail }: { detail: CaseDetail }) {
  const names = new Map(detail.respondents.map((r) => [r.id, r.name]));
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">工程项目与被申请人</Title>
      {detail.project && (
        <Text mb="xs">
          <b>{detail.project.name}</b>
          {detail.project.address && <Text span c="dimmed"> · {detail.project.address}</Text>}
          {detail.project.permitNumber && <Text span c="dimmed"> · 施工许可证 {detail.project.permitNumber}</Text>}
        </Text>
      )}
      <Table data-testid="respondents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>角色</Table.Th>
            <Table.Th>名称</Table.Th>
            <Table.Th>统一社会信用代码 / 身份证号</Table.Th>
            <Table.Th>法定代表人</Table.Th>
            <Table.Th>发包方</Table.Th>
            <Table.Th>联系电话</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.respondents.map((r) => (
            <Table.Tr key={`${r.id}-${r.role}`}>
              <Table.Td><Badge variant="light">{partyRoleLabels[r.role]}</Badge></Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td className="mono">{r.creditCode ?? r.idNumber ?? '—'}</Table.Td>
              <Table.Td>{r.legalRepresentative ?? '—'}</Table.Td>
              <Table.Td>{r.contractedById ? names.get(r.contractedById) ?? '—' : '—'}</Table.Td>
              <Table.Td>{r.phone ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

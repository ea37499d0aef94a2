import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, NativeSelect, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DocumentView, PartyRef, ServiceMethod, ServiceRecipient } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { ModalFrame } from '../../ui/ModalFrame';
import { useSubmit } from '../../ui/useSubmit';
import { errorText, serviceMethodLabels, serviceMethodOptions } from './files';
import { variantLabel } from './labels';

/** One line of the dialog: a party (or someone else by name), ticked or not, with its own method and date. */
type Line = { key: string; party: PartyRef | null; name: string; role: string; addressee: boolean; served: ServiceRecipient['served']; on: boolean; method: ServiceMethod; servedOn: string; note: string };

const keyOf = (p: PartyRef) => `${p.kind}-${p.id}`;

function linesFor(recipients: ServiceRecipient[], today: string): Line[] {
  return recipients.map((r) => ({
    key: keyOf(r.party),
    party: r.party,
    name: r.name,
    role: r.role,
    addressee: r.addressee,
    served: r.served,
    // the document's addressees not yet served are ticked; the others are offered
    on: r.addressee && !r.served?.servedOn,
    method: 'inPerson',
    servedOn: today,
    note: '',
  }));
}

function ServiceLine({ line, onChange }: { line: Line; onChange: (patch: Partial<Line>) => void }) {
  return (
    <Table.Tr data-testid={`service-row-${line.key}`} data-on={line.on}>
      <Table.Td>
        <Checkbox checked={line.on} onChange={(e) => onChange({ on: e.currentTarget.checked })} aria-label={`送达${line.name}`} data-testid={`service-check-${line.key}`} />
      </Table.Td>
      <Table.Td>
        {line.party ? (
          <Text size="sm" fw={500}>
            {line.name}
          </Text>
        ) : (
          <TextInput size="xs" placeholder="受送达人姓名" value={line.name} onChange={(e) => onChange({ name: e.currentTarget.value, on: true })} data-testid={`service-name-${line.key}`} />
        )}
        <Text size="xs" c="dimmed">
          {line.role}
          {line.served && (
            <Badge ml={6} size="xs" variant="light" color={line.served.servedOn ? 'green' : 'gray'}>
              {line.served.servedOn ? `已于${line.served.servedOn}${serviceMethodLabels[line.served.method]}` : `${serviceMethodLabels[line.served.method]}，未签收`}
            </Badge>
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        <NativeSelect size="xs" data={serviceMethodOptions} value={line.method} disabled={!line.on} onChange={(e) => onChange({ method: e.currentTarget.value as ServiceMethod })} aria-label="送达方式" data-testid={`service-method-${line.key}`} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" type="date" value={line.servedOn} disabled={!line.on} onChange={(e) => onChange({ servedOn: e.currentTarget.value })} aria-label="送达日期" data-testid={`service-date-${line.key}`} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" placeholder="代收人、邮件单号等" value={line.note} disabled={!line.on} maxLength={200} onChange={(e) => onChange({ note: e.currentTarget.value })} aria-label="备注" />
      </Table.Td>
    </Table.Tr>
  );
}

function LinesTable({ lines, onChange }: { lines: Line[]; onChange: (key: string, patch: Partial<Line>) => void }) {
  return (
    <Table verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36} />
          <Table.Th>受送达人</Table.Th>
          <Table.Th w={120}>送达方式</Table.Th>
          <Table.Th w={150}>送达（签收）日期</Table.Th>
          <Table.Th w={180}>备注</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <ServiceLine key={l.key} line={l} onChange={(patch) => onChange(l.key, patch)} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * 送达 in one step: every party of the case listed, the document's addressees ticked; each ticked
 * recipient with its own method and date (a blank date = sent, not yet signed for). One save.
 */
export function ServiceModal({ doc, onClose, onSaved }: { doc: DocumentView | null; onClose: () => void; onSaved: (doc: DocumentView) => void }) {
  const today = todayInChina();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [showOthers, setShowOthers] = useState(false);
  const [allMethod, setAllMethod] = useState<ServiceMethod>('inPerson');
  const [allDate, setAllDate] = useState(today);
  const [extra, setExtra] = useState(0);
  const { error, setError, busy, submit: save } = useSubmit(async () => {
    if (!doc || !chosen.length) return;
    const saved = await call('documents.recordServices', {
      documentId: doc.id,
      entries: chosen.map((l) => ({ party: l.party, recipient: l.name.trim(), method: l.method, servedOn: l.servedOn || null, note: l.note.trim() || undefined })),
    });
    onSaved(saved);
    onClose();
  });

  useEffect(() => {
    if (!doc) return;
    let live = true;
    setLines(null);
    setError(null);
    setShowOthers(false);
    call('documents.serviceRecipients', { documentId: doc.id })
      .then((r) => live && setLines(linesFor(r, todayInChina())))
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [doc]);

  const change = (key: string, patch: Partial<Line>) => setLines((prev) => prev && prev.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const chosen = useMemo(() => (lines ?? []).filter((l) => l.on && l.name.trim()), [lines]);
  const addressees = (lines ?? []).filter((l) => l.addressee || !l.party);
  const others = (lines ?? []).filter((l) => !l.addressee && l.party);

  const applyAll = () => setLines((prev) => prev && prev.map((l) => (l.on ? { ...l, method: allMethod, servedOn: allDate } : l)));
  const addOther = () => {
    setExtra((n) => n + 1);
    setLines((prev) => [...(prev ?? []), { key: `other-${extra + 1}`, party: null, name: '', role: '其他受送达人', addressee: false, served: null, on: true, method: 'inPerson', servedOn: today, note: '' }]);
  };

  const label = doc ? variantLabel(doc.variant, doc.title) : '';
  return (
    <ModalFrame opened={doc !== null} onClose={onClose} title={doc ? `送达：${doc.title}${label ? `（${label}）` : ''}` : '送达'} testId="service-modal" size="xl">
      {!lines && !error ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            已勾选本文书的受送达人；每人分别填写送达方式和签收日期（尚未签收的留空日期），一次记录。
          </Text>
          <Group gap="xs" align="flex-end">
            <Select label="已勾选的全部设为" data={serviceMethodOptions} value={allMethod} onChange={(v) => v && setAllMethod(v as ServiceMethod)} allowDeselect={false} w={140} size="xs" data-testid="service-all-method" />
            <TextInput type="date" value={allDate} onChange={(e) => setAllDate(e.currentTarget.value)} w={150} size="xs" aria-label="统一送达日期" data-testid="service-all-date" />
            <Button size="xs" variant="light" onClick={applyAll} data-testid="service-apply-all">
              应用到已勾选（{chosen.length}人）
            </Button>
          </Group>
          <ScrollArea.Autosize mah="55vh" type="auto">
            <LinesTable lines={addressees} onChange={change} />
            {others.length > 0 && (
              <>
                <Button size="compact-xs" variant="subtle" color="gray" mt={4} onClick={() => setShowOthers((v) => !v)} data-testid="service-others-toggle">
                  {showOthers ? '收起其他当事人' : `其他当事人（${others.length}人，如需一并送达可勾选）`}
                </Button>
                {showOthers && <LinesTable lines={others} onChange={change} />}
              </>
            )}
          </ScrollArea.Autosize>
          <Group justify="space-between">
            <Button size="compact-xs" variant="subtle" onClick={addOther} data-testid="service-add-other">
              + 其他受送达人（非本案当事人）
            </Button>
            {chosen.some((l) => l.method === 'left') && (
              <Text size="xs" c="orange.8">
                留置送达：请在送达回证上记明拒收事由、日期，并由见证人签名。
              </Text>
            )}
          </Group>
          {error && (
            <Alert color="red" data-testid="service-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button onClick={() => void save()} loading={busy} disabled={!chosen.length} data-testid="service-save">
              记录送达（{chosen.length}人）
            </Button>
          </Group>
        </Stack>
      )}
    </ModalFrame>
  );
}

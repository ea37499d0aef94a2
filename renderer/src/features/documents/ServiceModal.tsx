import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { DocumentView } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { ModalFrame } from '../../ui/ModalFrame';
import { errorText, serviceMethodOptions } from './files';
import { variantLabel, variantRecipient } from './labels';

type Method = DocumentView['services'][number]['method'];

/** 送达: who received the document, how, and when (no date yet = sent, not yet served). */
export function ServiceModal({ doc, onClose, onSaved }: { doc: DocumentView | null; onClose: () => void; onSaved: (doc: DocumentView) => void }) {
  const [recipient, setRecipient] = useState('');
  const [method, setMethod] = useState<Method>('inPerson');
  const [servedOn, setServedOn] = useState(todayInChina());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forDoc, setForDoc] = useState<number | null>(null);
  // A new document opens with its variant (usually the addressee) as the suggested recipient.
  if (doc && doc.id !== forDoc) {
    setForDoc(doc.id);
    setRecipient(variantRecipient(doc.variant));
    setError(null);
  }

  const save = async () => {
    if (!doc) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await call('documents.recordService', { documentId: doc.id, recipient, method, servedOn: servedOn || null, note: note || undefined });
      onSaved(saved);
      setNote('');
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalFrame opened={doc !== null} onClose={onClose} title={doc ? `送达：${doc.title}${variantLabel(doc.variant, doc.title) ? `（${variantLabel(doc.variant, doc.title)}）` : ''}` : '送达'} testId="service-modal" size="md">
      <Stack gap="sm">
        <TextInput label="受送达人" value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} data-testid="service-recipient" data-autofocus />
        <Select label="送达方式" data={serviceMethodOptions} value={method} onChange={(v) => v && setMethod(v as Method)} allowDeselect={false} data-testid="service-method" />
        <TextInput label="送达日期" description="尚未签收可留空，记为未送达" type="date" value={servedOn} onChange={(e) => setServedOn(e.currentTarget.value)} data-testid="service-date" />
        {method === 'left' && <Alert color="yellow">留置送达请在送达回证上记明拒收事由、日期，并由见证人签名。</Alert>}
        {method === 'publication' && <Alert color="yellow">公告送达自发出公告之日起经过法定期间视为送达，请填写期间届满之日。</Alert>}
        <TextInput label="备注" placeholder="如：代收人及与受送达人关系、邮件单号" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
        {error && <Alert color="red" data-testid="service-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={save} loading={busy} disabled={!recipient.trim()} data-testid="service-save">记录送达</Button>
        </Group>
      </Stack>
    </ModalFrame>
  );
}

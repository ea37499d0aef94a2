/**
 * 「粘贴」: a textarea to paste rows copied from Excel / WPS (with or without the header line).
 */
import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { ModalFrame } from '../../ui/ModalFrame';
import { gridColumns } from './WorkerGridRow';

export function PasteRosterModal({ onSubmit, onClose }: { onSubmit: (text: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const submit = () => {
    if (text.trim()) onSubmit(text);
  };
  return (
    <ModalFrame opened onClose={onClose} title="从表格粘贴申请人" size="xl" testId="paste-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          在 Excel / WPS 中选中名单（可连同表头一起）复制，再粘贴到下面。没有表头时按以下列序识别：
          {gridColumns.map((c) => c.label).join('、')}。
        </Text>
        <Textarea
          aria-label="粘贴内容"
          data-testid="paste-text"
          autosize
          minRows={8}
          maxRows={18}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={submit} disabled={!text.trim()} data-testid="paste-submit">
            识别（Ctrl+Enter）
          </Button>
        </Group>
      </Stack>
    </ModalFrame>
  );
}

import { useState } from 'react';
import { Button, Group, Popover, Text, TextInput } from '@mantine/core';

/**
 * A 15-digit (first-generation) ID is refused; a worker who has nothing else can be registered as a
 * recorded exception: the clerk writes why, and the reason goes into the case timeline.
 */
export function LegacyIdException({ rowNumber, onConfirm }: { rowNumber: number; onConfirm: (reason: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" width={320}>
      <Popover.Target>
        <button type="button" onClick={() => setOpened((o) => !o)} data-testid={`legacy-id-exception-${rowNumber}`} style={{ border: 0, background: 'transparent', color: 'var(--mantine-color-blue-7)', cursor: 'pointer', padding: 0, fontSize: 11, textDecoration: 'underline' }}>
          确无其他证件？登记为例外
        </button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" mb={6}>
          第{rowNumber}行按15位旧证号登记：请写明申请人为何没有18位身份证（将记入案件时间线）。
        </Text>
        <TextInput size="xs" placeholder="如：本人仅持第一代身份证，二代证正在补办" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid={`legacy-id-reason-${rowNumber}`} autoFocus />
        <Group justify="flex-end" mt={6}>
          <Button
            size="compact-xs"
            disabled={reason.trim().length < 2}
            onClick={() => {
              onConfirm(reason);
              setOpened(false);
            }}
            data-testid={`legacy-id-confirm-${rowNumber}`}
          >
            确认登记
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

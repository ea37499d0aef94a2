import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import type { RoomView, StaffView } from '../../../../electron/core/contract';
import { hrefFor } from '../../router';
import { useCan } from '../../shell/session';
import { Editable } from '../../ui/Editable';
import { call } from '../../api';
import { useStaff } from './useStaff';

type Apply = (v: { staff: StaffView[]; rooms: RoomView[] }) => void;

function RenameCell({ value, label, onSave, testId }: { value: string; label: string; onSave: (name: string) => Promise<void>; testId?: string }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (draft.trim() === value) return;
    try {
      await onSave(draft);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <TextInput
      size="xs"
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => e.key === 'Enter' && void save()}
      error={error}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/** Settings: hearing rooms (仲裁庭) — add, rename, deactivate. Arbitrators and clerks are accounts (账号与角色). */
export function RoomsSettings() {
  const { rooms, error, apply } = useStaff();
  const can = useCan();
  const editable = can('rooms.save');
  const [roomName, setRoomName] = useState('');
  const [roomLocation, setRoomLocation] = useState('');
  const [roomError, setRoomError] = useState<string | null>(null);
  const addRoom = async () => {
    try {
      apply(await call('rooms.save', { name: roomName, location: roomLocation.trim() || null, active: true }));
      setRoomName('');
      setRoomLocation('');
      setRoomError(null);
    } catch (e) {
      setRoomError((e as Error).message);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="staff-rooms-settings">
      <Title order={4}>仲裁庭（庭室）</Title>
      <Text size="sm" c="dimmed" mb="xs">
        开庭排期从这里选择庭室；停用后不再出现在新排期中，已排的开庭不受影响。仲裁员和书记员是各自的账号，在
        {can('accounts.list') ? <Anchor href={hrefFor({ page: 'accounts' })}>「账号与角色」</Anchor> : '「账号与角色」'}中由管理员开设。
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <Editable allowed={editable}>
      <Stack gap="sm">
        <Paper withBorder p="sm" data-testid="rooms">
          <Text fw={600} mb="xs">
            庭室
          </Text>
          <Table>
            <Table.Tbody>
              {rooms.map((r) => (
                <Table.Tr key={r.id} opacity={r.active ? 1 : 0.55}>
                  <Table.Td>
                    <RenameCell value={r.name} label={`庭室 ${r.name} 名称`} onSave={async (n) => apply(await call('rooms.save', { id: r.id, name: n, location: r.location, active: r.active }))} />
                  </Table.Td>
                  <Table.Td>
                    <RenameCell value={r.location ?? ''} label={`庭室 ${r.name} 位置`} onSave={async (loc) => apply(await call('rooms.save', { id: r.id, name: r.name, location: loc.trim() || null, active: r.active }))} />
                  </Table.Td>
                  <Table.Td w={110}>
                    <Switch
                      size="xs"
                      label={r.active ? '启用' : '已停用'}
                      checked={r.active}
                      onChange={async (e) => {
                        const active = e.currentTarget.checked;
                        try {
                          apply(await call('rooms.save', { id: r.id, name: r.name, location: r.location, active }));
                        } catch (err) {
                          setRoomError((err as Error).message);
                        }
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!rooms.length && (
            <Badge color="yellow" variant="light">
              尚未设置庭室
            </Badge>
          )}
          {editable && <Group gap="xs" mt="xs">
            <TextInput size="xs" placeholder="名称，如 第一仲裁庭" value={roomName} onChange={(e) => setRoomName(e.currentTarget.value)} aria-label="新增庭室名称" />
            <TextInput size="xs" placeholder="位置（可不填）" value={roomLocation} onChange={(e) => setRoomLocation(e.currentTarget.value)} aria-label="新增庭室位置" />
            <Button size="xs" variant="light" onClick={() => void addRoom()}>
              添加庭室
            </Button>
          </Group>}
          {roomError && (
            <Alert color="red" mt="xs" p="xs">
              {roomError}
            </Alert>
          )}
        </Paper>
      </Stack>
      </Editable>
    </Paper>
  );
}

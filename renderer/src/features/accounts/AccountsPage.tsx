import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, PasswordInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MIN_PASSWORD_LENGTH, roleDuties, roleLabels, roles, type AccountView, type Role } from '../../../../electron/core/contract';
import { call } from '../../api';
import { useSubmit } from '../../ui/useSubmit';
import { ModalFrame } from '../../ui/ModalFrame';
import { beijingTime } from '../documents/files';
import { useSession } from '../../shell/session';

/** Role checkboxes with what each role is for. */
function RolePicker({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <Checkbox.Group label="角色（可多选）" value={value} onChange={(v) => onChange(roles.filter((r) => v.includes(r)))} data-testid="role-picker">
      <SimpleGrid cols={2} mt={6} spacing={6}>
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={roleLabels[role]} description={roleDuties[role]} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function RoleBadges({ list }: { list: Role[] }) {
  return (
    <Group gap={4}>
      {list.map((r) => (
        <Badge key={r} variant="light" color={r === 'admin' ? 'red' : r === 'observer' ? 'gray' : 'blue'}>
          {roleLabels[r]}
        </Badge>
      ))}
    </Group>
  );
}

function AddAccount({ onSaved }: { onSaved: (list: AccountView[]) => void }) {
  const empty = { name: '', username: '', password: '', roles: [] as Role[] };
  const [form, setForm] = useState(empty);
  const { error, busy, submit } = useSubmit(async () => {
    onSaved(await call('accounts.create', form));
    notifications.show({ color: 'green', message: `已为${form.name}开设账号；请把登录名和初始密码告诉本人，首次登录时须修改密码` });
    setForm(empty);
  });
  return (
    <Paper withBorder p="md" data-testid="add-account">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={4}>开设账号</Title>
          <Group grow align="flex-start">
            <TextInput label="姓名" description="写入开庭排期、文书和办案记录" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required data-testid="new-account-name" />
            <TextInput label="登录名" value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} autoComplete="off" required data-testid="new-account-username" />
            <PasswordInput label="初始密码" description={`至少 ${MIN_PASSWORD_LENGTH} 位，首次登录须修改`} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} autoComplete="new-password" required data-testid="new-account-password" />
          </Group>
          <RolePicker value={form.roles} onChange={(r) => setForm({ ...form, roles: r })} />
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button type="submit" loading={busy} data-testid="new-account-submit">
              开设账号
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EditAccount({ account, onClose, onSaved }: { account: AccountView; onClose: () => void; onSaved: (list: AccountView[]) => void }) {
  const [form, setForm] = useState({ name: account.name, roles: account.roles, active: account.active });
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await call('accounts.update', { id: account.id, ...form }));
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <ModalFrame opened onClose={onClose} title={`修改账号：${account.name}（${account.username}）`} testId="edit-account" size="lg">
      <form onSubmit={save}>
        <Stack>
          <TextInput label="姓名" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
          <RolePicker value={form.roles} onChange={(r) => setForm({ ...form, roles: r })} />
          <Switch label={form.active ? '启用' : '已停用（不能登录；历史记录保留其姓名）'} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit">保存</Button>
          </Group>
        </Stack>
      </form>
    </ModalFrame>
  );
}

function ResetPassword({ account, onClose, onSaved }: { account: AccountView; onClose: () => void; onSaved: (list: AccountView[]) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await call('accounts.resetPassword', { id: account.id, password }));
      notifications.show({ color: 'green', message: `已为${account.name}设置临时密码；本人下次登录时须修改` });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <ModalFrame opened onClose={onClose} title={`${account.hasPassword ? '重置密码' : '设置密码'}：${account.name}`} testId="reset-password">
      <form onSubmit={save}>
        <Stack>
          <Text size="sm">设置一个临时密码并当面告知本人。本人已登录的窗口会退出，下次登录时须改为自己的密码。</Text>
          <PasswordInput label="临时密码" description={`至少 ${MIN_PASSWORD_LENGTH} 位`} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" required autoFocus />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit">保存临时密码</Button>
          </Group>
        </Stack>
      </form>
    </ModalFrame>
  );
}

/**
 * 账号与角色 (administrator): everyone who signs in — arbitrators and clerks named on hearings and
 * awards, inspectors, mediators, administrators, observers. Accounts are disabled, never deleted.
 */
export function AccountsPage() {
  const { account: me } = useSession();
  const [list, setList] = useState<AccountView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AccountView | null>(null);
  const [resetting, setResetting] = useState<AccountView | null>(null);
  useEffect(() => {
    call('accounts.list', {}).then(setList, (e: Error) => setError(e.message));
  }, []);
  if (!list) return error ? <Alert color="red">{error}</Alert> : null;
  return (
    <Stack maw={1100}>
      <Title order={2}>账号与角色</Title>
      <Text size="sm" c="dimmed">
        每位同事使用自己的账号登录；开庭排期、裁决书和每条办案记录都写明经办人。一人可兼任多个角色。离职或调岗的人员请停用账号（不能删除，以保留其办理记录）。
      </Text>
      <Paper withBorder p="md">
        <Table data-testid="accounts-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>姓名</Table.Th>
              <Table.Th>登录名</Table.Th>
              <Table.Th>角色</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>最近登录</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id} opacity={a.active ? 1 : 0.55} data-testid={`account-${a.username}`}>
                <Table.Td>
                  {a.name}
                  {a.id === me.id && (
                    <Text span size="xs" c="dimmed" ml={4}>
                      （本人）
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="mono">{a.username}</Table.Td>
                <Table.Td>
                  <RoleBadges list={a.roles} />
                </Table.Td>
                <Table.Td>
                  {!a.active ? (
                    <Badge color="gray">已停用</Badge>
                  ) : !a.hasPassword ? (
                    <Badge color="yellow">尚未设置密码</Badge>
                  ) : a.mustChangePassword ? (
                    <Badge color="orange" variant="light">待本人改密码</Badge>
                  ) : (
                    <Badge color="green" variant="light">启用</Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.lastLoginAt ? beijingTime(a.lastLoginAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(a)}>
                      修改
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => setResetting(a)}>
                      {a.hasPassword ? '重置密码' : '设置密码'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <AddAccount onSaved={setList} />
      {editing && <EditAccount account={editing} onClose={() => setEditing(null)} onSaved={setList} />}
      {resetting && <ResetPassword account={resetting} onClose={() => setResetting(null)} onSaved={setList} />}
    </Stack>
  );
}

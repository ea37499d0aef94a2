import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { MIN_PASSWORD_LENGTH } from '../../../../electron/core/contract/spec';
import { call } from '../../api';
import { useBusyCall } from '../../ui/useSubmit';

/** 首次使用: the administrator's account; afterwards every session starts at the sign-in screen. */
export function FirstStartForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({ name: '', username: '', password: '', confirm: '' });
  const { error, setError, busy, run } = useBusyCall();
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.confirm) return setError('两次输入的密码不一致');
    await run(async () => {
      await call('auth.setup', { name: form.name, username: form.username, password: form.password });
      onCreated();
    });
  };
  return (
    <form onSubmit={submit} data-testid="first-start-form">
      <Stack>
        <Text size="sm">
          这是本机第一次使用速裁台。请先建立管理员账号：管理员负责账号、设置和备份，随后为仲裁员、书记员等每位同事开设账号。
        </Text>
        <TextInput label="管理员姓名" value={form.name} onChange={set('name')} required autoFocus data-testid="setup-name" />
        <TextInput label="登录名" description="字母、数字或汉字，登录时使用" value={form.username} onChange={set('username')} autoComplete="username" required data-testid="setup-username" />
        <PasswordInput label="密码" description={`至少 ${MIN_PASSWORD_LENGTH} 位`} value={form.password} onChange={set('password')} autoComplete="new-password" required data-testid="setup-password" />
        <PasswordInput label="再输入一次密码" value={form.confirm} onChange={set('confirm')} autoComplete="new-password" required data-testid="setup-confirm" />
        {error && <Alert color="red">{error}</Alert>}
        <Button type="submit" loading={busy} data-testid="setup-submit">
          建立管理员账号并登录
        </Button>
      </Stack>
    </form>
  );
}

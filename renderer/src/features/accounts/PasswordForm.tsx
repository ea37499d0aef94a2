import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { MIN_PASSWORD_LENGTH } from '../../../../electron/core/contract/spec';
import { call } from '../../api';
import { useBusyCall } from '../../ui/useSubmit';

/**
 * 修改密码. `forced`: the administrator set a temporary password, which the person has just used
 * to sign in — it is not asked for again.
 */
export function PasswordForm({ forced, onDone, onCancel }: { forced: boolean; onDone: () => void; onCancel?: () => void }) {
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const { error, setError, busy, run } = useBusyCall();
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.next !== form.confirm) return setError('两次输入的新密码不一致');
    await run(async () => {
      await call('auth.changePassword', { currentPassword: form.current, newPassword: form.next });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} data-testid="password-form">
      <Stack>
        {forced && <Text size="sm">管理员为您设置了临时密码。请设置只有您自己知道的新密码后继续。</Text>}
        {!forced && <PasswordInput label="当前密码" value={form.current} onChange={set('current')} autoComplete="current-password" required data-testid="password-current" />}
        <PasswordInput label="新密码" description={`至少 ${MIN_PASSWORD_LENGTH} 位`} value={form.next} onChange={set('next')} autoComplete="new-password" required autoFocus={forced} data-testid="password-new" />
        <PasswordInput label="再输入一次新密码" value={form.confirm} onChange={set('confirm')} autoComplete="new-password" required data-testid="password-confirm" />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              取消
            </Button>
          )}
          <Button type="submit" loading={busy} data-testid="password-submit">
            保存新密码
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

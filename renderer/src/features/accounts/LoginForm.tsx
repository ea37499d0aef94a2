import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { call } from '../../api';
import { usePasswordSubmit } from './usePasswordSubmit';

/** 登录: sign-in name and password; a wrong one (or the growing delay) is explained in Chinese. */
export function LoginForm({ onSignedIn }: { onSignedIn: (accountId: number) => void }) {
  const [username, setUsername] = useState('');
  const { password, setPassword, error, busy, submit } = usePasswordSubmit(
    async (password) => {
      const { account } = await call('auth.login', { username, password });
      onSignedIn(account.id);
    },
    { clearOnSuccess: false },
  );
  return (
    <form onSubmit={submit} data-testid="login-form">
      <Stack>
        <TextInput label="登录名" value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" autoFocus required data-testid="login-username" />
        <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required data-testid="login-password" />
        {error && <Alert color="red" data-testid="login-error">{error}</Alert>}
        <Button type="submit" loading={busy} data-testid="login-submit">
          登录
        </Button>
      </Stack>
    </form>
  );
}

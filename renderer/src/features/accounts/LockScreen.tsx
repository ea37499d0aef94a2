import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { SignedInAccount } from '../../../../electron/core/contract';
import { call } from '../../api';
import { usePasswordSubmit } from './usePasswordSubmit';

/**
 * 屏幕已锁定: drawn over the app, which stays mounted underneath — whatever was being typed
 * (a hearing record, an intake draft) is still there after unlocking.
 */
export function LockScreen({ account, onUnlocked, onSignOut }: { account: SignedInAccount; onUnlocked: () => void; onSignOut: () => void }) {
  const { password, setPassword, error, busy, submit } = usePasswordSubmit(
    async (password) => {
      await call('auth.unlock', { password });
      onUnlocked();
    },
    { clearOnSuccess: true },
  );
  return (
    <div style={{ position: 'fixed', inset: 0, zIndex: 1000, background: 'rgba(33, 37, 41, 0.72)', backdropFilter: 'blur(6px)' }} data-testid="lock-screen" role="dialog" aria-modal="true" aria-label="屏幕已锁定">
      <Center h="100%">
        <Paper withBorder shadow="lg" p="xl" w={380}>
          <form onSubmit={submit}>
            <Stack>
              <Title order={3}>屏幕已锁定</Title>
              <Text size="sm" c="dimmed">
                {account.name}（{account.username}）较长时间没有操作，请输入密码继续。未保存的内容仍在原处。
              </Text>
              <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" autoFocus required data-testid="unlock-password" />
              {error && <Alert color="red" data-testid="unlock-error">{error}</Alert>}
              <Button type="submit" loading={busy} data-testid="unlock-submit">
                解锁
              </Button>
              <Anchor component="button" type="button" size="sm" onClick={onSignOut}>
                不是本人？退出登录
              </Anchor>
            </Stack>
          </form>
        </Paper>
      </Center>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { AuthStatus, MethodName } from '../../../electron/core/contract';
import { call, onSessionProblem, reconnectEvents } from '../api';
import { navigate } from '../router';
import { FirstStartForm } from '../features/accounts/FirstStartForm';
import { LockScreen } from '../features/accounts/LockScreen';
import { LoginForm } from '../features/accounts/LoginForm';
import { PasswordForm } from '../features/accounts/PasswordForm';
import { SignInFrame } from '../features/accounts/SignInFrame';
import { flushBeforeLock } from './beforeLock';
import { takeStartAuthStatus } from './earlyAuthStatus';
import { canCall, SessionContext, type Session } from './session';
import { useIdle } from './useIdle';

/**
 * Every session begins here: the first start (no administrator yet), the sign-in screen, the new
 * password after a reset; then the app, with the idle lock drawn over it. Once the app has been
 * shown it stays mounted — a lock, or a session that ran out, puts the password prompt over it, so
 * nothing typed is lost; only another person signing in starts the app afresh.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  // The start-up answer (boot.ts), when already here, is the first state: the app draws at once.
  const [start] = useState(takeStartAuthStatus);
  const known = start?.value ?? null;
  const openAtStart = known?.account && !known.account.mustChangePassword ? known.account : null;
  const [status, setStatus] = useState<AuthStatus | null>(known);
  const [error, setError] = useState<string | null>(null);
  const [lockedHere, setLockedHere] = useState(false);
  /** Whether the app is mounted, whom it belongs to, and a key that remounts it for somebody else. */
  const [appOpen, setAppOpen] = useState(openAtStart !== null);
  const owner = useRef<number | null>(openAtStart?.id ?? null);
  /** The last status with a usable account: what the mounted app keeps showing while a prompt is over it. */
  const lastSignedIn = useRef<AuthStatus | null>(openAtStart ? known : null);
  const [generation, setGeneration] = useState(0);
  const pendingStart = useRef(known ? null : (start?.answer ?? null));

  const refresh = useCallback(async () => {
    try {
      const waiting = pendingStart.current;
      pendingStart.current = null;
      const next = await (waiting ?? call('auth.status', {}));
      setStatus(next);
      setError(null);
      if (next.account && !next.locked) {
        setLockedHere(false);
        reconnectEvents();
      }
      if (next.account && !next.account.mustChangePassword) {
        if (owner.current !== null && owner.current !== next.account.id) setGeneration((g) => g + 1);
        owner.current = next.account.id;
        lastSignedIn.current = next;
        setAppOpen(true);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    if (!known) void refresh();
  }, [known, refresh]);
  useEffect(() => onSessionProblem(() => void refresh()), [refresh]);

  const lock = useCallback(() => {
    setLockedHere(true);
    void flushBeforeLock()
      .then(() => call('auth.lock', {}))
      .catch(() => undefined);
  }, []);
  const signOut = useCallback(async () => {
    await call('auth.logout', {}).catch(() => undefined);
    owner.current = null;
    lastSignedIn.current = null;
    setAppOpen(false);
    setGeneration((g) => g + 1);
    await refresh();
  }, [refresh]);
  const account = status?.account ?? null;
  const signedIn = Boolean(account && !account.mustChangePassword);
  useIdle(signedIn && !status?.locked && !lockedHere ? (status?.idleLockMinutes ?? 0) : 0, lock);

  const shown = signedIn ? status : lastSignedIn.current;
  const appSession = useMemo<Session | null>(() => {
    const who = shown?.account;
    return shown && who ? { account: who, status: shown, can: (method: MethodName) => canCall(who, method), refresh, lock, signOut } : null;
  }, [shown, refresh, lock, signOut]);

  if (!status) {
    return (
      <Center mih="100vh">
        {error ? (
          <Stack>
            <Alert color="red">{error}</Alert>
            <Button onClick={() => void refresh()}>重试</Button>
          </Stack>
        ) : (
          <Loader />
        )}
      </Center>
    );
  }
  const commissionName = status.commissionName;
  const afterSignIn = () => void refresh();

  if (!appOpen || !appSession) {
    if (account?.mustChangePassword) {
      return (
        <SignInFrame commissionName={commissionName} title="设置新密码" testId="new-password">
          <PasswordForm forced onDone={afterSignIn} />
        </SignInFrame>
      );
    }
    if (status.needsSetup) {
      return (
        <SignInFrame commissionName={commissionName} title="首次使用：建立管理员账号" testId="first-start">
          <FirstStartForm
            onCreated={() => {
              navigate({ page: 'accounts' });
              afterSignIn();
            }}
          />
        </SignInFrame>
      );
    }
    return (
      <SignInFrame commissionName={commissionName} title="登录" testId="login">
        <LoginForm onSignedIn={afterSignIn} />
      </SignInFrame>
    );
  }

  // The app stays mounted; what the session needs now is drawn over it.
  let overlay: ReactNode = null;
  if (!account) {
    overlay = (
      <Overlay>
        <SignInFrame commissionName={commissionName} title="登录已过期，请重新登录（未保存的内容仍在原处）" testId="login">
          <LoginForm onSignedIn={afterSignIn} />
        </SignInFrame>
      </Overlay>
    );
  } else if (account.mustChangePassword) {
    overlay = (
      <Overlay>
        <SignInFrame commissionName={commissionName} title="设置新密码" testId="new-password">
          <PasswordForm forced onDone={afterSignIn} />
        </SignInFrame>
      </Overlay>
    );
  } else if (status.locked || lockedHere) {
    overlay = <LockScreen account={account} onUnlocked={afterSignIn} onSignOut={() => void signOut()} />;
  }
  return (
    <SessionContext.Provider value={appSession}>
      <div key={generation} inert={overlay !== null} style={{ height: '100%' }}>
        {children}
      </div>
      {overlay}
    </SessionContext.Provider>
  );
}

function Overlay({ children }: { children: ReactNode }) {
  return <div style={{ position: 'fixed', inset: 0, zIndex: 1000, background: 'rgba(33, 37, 41, 0.72)', overflow: 'auto' }}>{children}</div>;
}

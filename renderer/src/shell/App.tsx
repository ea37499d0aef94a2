import { Suspense, useEffect } from 'react';
import { AppShell, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { hrefFor, useRoute } from '../router';
import { CaseListPage } from '../features/cases/CaseListPage';
import { lazyNamed } from '../ui/lazyNamed';
import { AuthGate } from './AuthGate';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

// The case list is the first screen and comes with the app; every other page is its own chunk.
const NewCasePage = lazyNamed(() => import('../features/intake/NewCasePage'), 'NewCasePage');
const CasePage = lazyNamed(() => import('../features/casefile/CasePage'), 'CasePage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const DashboardPage = lazyNamed(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const WarningsPage = lazyNamed(() => import('../features/warnings/WarningsPage'), 'WarningsPage');
const PresentationPage = lazyNamed(() => import('../features/presentation/PresentationPage'), 'PresentationPage');
const PresentationConsolePage = lazyNamed(() => import('../features/presentation/PresentationConsolePage'), 'PresentationConsolePage');
const HearingCalendarPage = lazyNamed(() => import('../features/hearings/HearingCalendarPage'), 'HearingCalendarPage');
const HearingPage = lazyNamed(() => import('../features/hearings/HearingPage'), 'HearingPage');
const AccountsPage = lazyNamed(() => import('../features/accounts/AccountsPage'), 'AccountsPage');

export function App() {
  const route = useRoute();
  // The shared screen is the whole window, shown to the room: never a password prompt on it.
  if (route.page === 'present')
    return (
      <Suspense fallback={null}>
        <PresentationPage />
      </Suspense>
    );
  return (
    <AuthGate>
      <Shell />
    </AuthGate>
  );
}

function Shell() {
  const route = useRoute();
  const { can } = useSession();
  // Each page starts at its top (not at the scroll position of the page before).
  const href = hrefFor(route);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [href]);
  const forbidden = (
    <Center h={300}>
      <Stack align="center" gap={4}>
        <Title order={4}>无权访问此页面</Title>
        <Text c="dimmed">您的角色不包含这项工作；如需开通请联系管理员。</Text>
      </Stack>
    </Center>
  );
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" justify="space-between">
          <Group gap="sm">
            <Title order={3} c="red.8">
              速裁台
            </Title>
            <Text size="sm" c="dimmed">
              农民工工资争议速裁庭 · 快立 快调 快审 快结
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavLink href={hrefFor({ page: 'list' })} label="案件列表" active={route.page === 'list' || route.page === 'case' || route.page === 'screen'} />
        {can('cases.create') && <NavLink href={hrefFor({ page: 'new' })} label="新建案件（快立）" active={route.page === 'new'} />}
        <NavLink href={hrefFor({ page: 'hearings' })} label="开庭排期" active={route.page === 'hearings' || route.page === 'hearing'} data-testid="nav-hearings" />
        <NavLink href={hrefFor({ page: 'warnings' })} label="预警" active={route.page === 'warnings'} data-testid="nav-warnings" />
        <NavLink href={hrefFor({ page: 'dashboard' })} label="统计" active={route.page === 'dashboard'} data-testid="nav-dashboard" />
        {can('accounts.list') && <NavLink href={hrefFor({ page: 'accounts' })} label="账号与角色" active={route.page === 'accounts'} data-testid="nav-accounts" />}
        <NavLink href={hrefFor({ page: 'settings' })} label="设置" active={route.page === 'settings'} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader m="xl" />}>
        {route.page === 'list' && <CaseListPage />}
        {route.page === 'new' && (can('cases.create') ? <NewCasePage /> : forbidden)}
        {route.page === 'case' && <CasePage key={route.id} id={route.id} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'accounts' && (can('accounts.list') ? <AccountsPage /> : forbidden)}
        {route.page === 'dashboard' && <DashboardPage />}
        {route.page === 'warnings' && <WarningsPage />}
        {route.page === 'screen' && (can('presentation.show') ? <PresentationConsolePage caseId={route.id} hearingId={route.hearingId} /> : forbidden)}
        {route.page === 'hearings' && <HearingCalendarPage />}
        {route.page === 'hearing' && <HearingPage id={route.id} />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

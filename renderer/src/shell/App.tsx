import { Suspense } from 'react';
import { AppShell, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { hrefFor, useRoute } from '../router';
import { CaseListPage } from '../features/cases/CaseListPage';
import { lazyNamed } from '../ui/lazyNamed';

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

export function App() {
  const route = useRoute();
  // The shared screen is the whole window: no header, no navigation.
  if (route.page === 'present')
    return (
      <Suspense fallback={null}>
        <PresentationPage />
      </Suspense>
    );
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Title order={3} c="red.8">
            速裁台
          </Title>
          <Text size="sm" c="dimmed">
            农民工工资争议速裁庭 · 快立 快调 快审 快结
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavLink href={hrefFor({ page: 'list' })} label="案件列表" active={route.page === 'list' || route.page === 'case' || route.page === 'screen'} />
        <NavLink href={hrefFor({ page: 'new' })} label="新建案件（快立）" active={route.page === 'new'} />
        <NavLink href={hrefFor({ page: 'hearings' })} label="开庭排期" active={route.page === 'hearings' || route.page === 'hearing'} data-testid="nav-hearings" />
        <NavLink href={hrefFor({ page: 'warnings' })} label="预警" active={route.page === 'warnings'} data-testid="nav-warnings" />
        <NavLink href={hrefFor({ page: 'dashboard' })} label="统计" active={route.page === 'dashboard'} data-testid="nav-dashboard" />
        <NavLink href={hrefFor({ page: 'settings' })} label="设置" active={route.page === 'settings'} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader m="xl" />}>
        {route.page === 'list' && <CaseListPage />}
        {route.page === 'new' && <NewCasePage />}
        {route.page === 'case' && <CasePage id={route.id} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'dashboard' && <DashboardPage />}
        {route.page === 'warnings' && <WarningsPage />}
        {route.page === 'screen' && <PresentationConsolePage caseId={route.id} hearingId={route.hearingId} />}
        {route.page === 'hearings' && <HearingCalendarPage />}
        {route.page === 'hearing' && <HearingPage id={route.id} />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

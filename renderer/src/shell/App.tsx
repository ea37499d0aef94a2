import { useEffect } from 'react';
import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { hrefFor, useRoute } from '../router';
import { CaseListPage } from '../features/cases/CaseListPage';
import { NewCasePage } from '../features/intake/NewCasePage';
import { CasePage } from '../features/casefile/CasePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { WarningsPage } from '../features/warnings/WarningsPage';
import { PresentationPage } from '../features/presentation/PresentationPage';
import { PresentationConsolePage } from '../features/presentation/PresentationConsolePage';
import { HearingCalendarPage } from '../features/hearings/HearingCalendarPage';
import { HearingPage } from '../features/hearings/HearingPage';

export function App() {
  const route = useRoute();
  // Each page starts at its top (not at the scroll position of the page before).
  const href = hrefFor(route);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [href]);
  // The shared screen is the whole window: no header, no navigation.
  if (route.page === 'present') return <PresentationPage />;
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
        {route.page === 'list' && <CaseListPage />}
        {route.page === 'new' && <NewCasePage />}
        {route.page === 'case' && <CasePage key={route.id} id={route.id} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'dashboard' && <DashboardPage />}
        {route.page === 'warnings' && <WarningsPage />}
        {route.page === 'screen' && <PresentationConsolePage caseId={route.id} hearingId={route.hearingId} />}
        {route.page === 'hearings' && <HearingCalendarPage />}
        {route.page === 'hearing' && <HearingPage id={route.id} />}
      </AppShell.Main>
    </AppShell>
  );
}

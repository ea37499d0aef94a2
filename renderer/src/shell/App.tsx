import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { hrefFor, useRoute } from '../router';
import { CaseListPage } from '../features/cases/CaseListPage';
import { NewCasePage } from '../features/intake/NewCasePage';
import { CasePage } from '../features/casefile/CasePage';
import { SettingsPage } from '../features/settings/SettingsPage';

export function App() {
  const route = useRoute();
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
        <NavLink href={hrefFor({ page: 'list' })} label="案件列表" active={route.page === 'list' || route.page === 'case'} />
        <NavLink href={hrefFor({ page: 'new' })} label="新建案件（快立）" active={route.page === 'new'} />
        <NavLink href={hrefFor({ page: 'settings' })} label="设置" active={route.page === 'settings'} />
      </AppShell.Navbar>
      <AppShell.Main>
        {route.page === 'list' && <CaseListPage />}
        {route.page === 'new' && <NewCasePage />}
        {route.page === 'case' && <CasePage id={route.id} />}
        {route.page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}

import type { ReactNode } from 'react';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';

/** The centred card of the sign-in screens (first start, sign-in, new password). */
export function SignInFrame({ commissionName, title, children, testId }: { commissionName: string; title: string; children: ReactNode; testId: string }) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper withBorder shadow="sm" p="xl" w={460} data-testid={testId}>
        <Stack gap="md">
          <div>
            <Title order={2} c="red.8">
              速裁台
            </Title>
            <Text size="sm" c="dimmed">
              {commissionName} · 农民工工资争议速裁庭
            </Text>
          </div>
          <Title order={4}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

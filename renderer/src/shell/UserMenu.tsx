import { useState } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import { roleLabels } from '../../../electron/core/contract/spec';
import { PasswordForm } from '../features/accounts/PasswordForm';
import { ModalFrame } from '../ui/ModalFrame';
import { useSession } from './session';

/** The signed-in person in the header: change password, lock the screen, sign out. */
export function UserMenu() {
  const { account, lock, signOut } = useSession();
  const [changing, setChanging] = useState(false);
  const roles = account.roles.map((r) => roleLabels[r]).join('、');
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="gray" data-testid="user-menu">
            {account.name}
            <Text span size="xs" c="dimmed" ml={6}>
              {account.builtIn ? '自动化' : roles}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {account.name}（{account.username}）
          </Menu.Label>
          {!account.builtIn && <Menu.Item onClick={() => setChanging(true)}>修改密码</Menu.Item>}
          {!account.builtIn && <Menu.Item onClick={lock}>锁定屏幕</Menu.Item>}
          <Menu.Item color="red" onClick={() => void signOut()}>
            退出登录
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ModalFrame opened={changing} onClose={() => setChanging(false)} title="修改密码" testId="change-password">
        <PasswordForm forced={false} onDone={() => setChanging(false)} onCancel={() => setChanging(false)} />
      </ModalFrame>
    </>
  );
}

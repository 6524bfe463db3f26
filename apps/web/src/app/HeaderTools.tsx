import type { ReactNode } from 'react';
import { UserMenu } from '../features/auth/UserMenu';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';

/**
 * The header's antd widgets (search, bell, user menu): one lazily loaded part, inside the header's
 * AntScope. The language switch (plain, shown before antd arrives) keeps its place between them.
 */
export default function HeaderTools({ languageSwitch }: { languageSwitch: ReactNode }) {
  return (
    <>
      <GlobalSearch />
      {languageSwitch}
      <NotificationBell />
      <UserMenu />
    </>
  );
}

import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Me } from '../api/types';
import type { MeBadges } from '../features/start/api';
import { badgeText } from '../features/start/api';
import { hasRole, isCustomer, isProviderStaff } from './roles';
import { type Audience, MENU, type MenuRef } from './menuSections';
import { routeAt } from './routes';

/** A menu entry: its key is the path it opens. */
export type MenuEntry = { key: string; icon: ReactNode; label: ReactNode };
/** A titled group of entries (服务台, 现场 …). */
export type MenuGroup = { type: 'group'; key: string; label: string; children: MenuEntry[] };
export type MenuItem = MenuEntry | MenuGroup;

/**
 * A menu label with an optional count. The label text sits in `data-menu-label` (what tests read as the
 * entry's name); the count is shown as a dark-red pill (white on #a8071a, 7.6:1) and read out in words.
 */
function Label({ text, count, spoken }: { text: string; count?: number | undefined; spoken?: string }) {
  if (!count) return <span data-menu-label>{text}</span>;
  return (
    <span className="menu-entry">
      <span data-menu-label>{text}</span>
      <span className="menu-badge" aria-hidden data-testid="menu-badge">
        {badgeText(count)}
      </span>
      <span className="visually-hidden">{`（${spoken ?? count}）`}</span>
    </span>
  );
}

/** The menu entry of `ref` for `me`, or null when `me` may not open it. */
function menuEntry(ref: MenuRef, me: Me, t: TFunction, badges: MeBadges): MenuEntry | null {
  const { path, roles } = typeof ref === 'string' ? { path: ref, roles: undefined } : ref;
  const route = routeAt(path);
  const nav = route.nav;
  if (!nav) throw new Error(`route ${path} has no menu entry`);
  if (route.roles && !hasRole(me, route.roles)) return null;
  if (roles && !hasRole(me, roles)) return null;
  const Icon = nav.icon;
  const count = nav.badge ? badges[nav.badge] : undefined;
  const label = nav.badge ? (
    <Label text={t(nav.label)} count={count} spoken={t(`start.badge.${nav.badge}`, { count })} />
  ) : (
    <Label text={t(nav.label)} />
  );
  return { key: nav.link ? nav.link(me) : path, icon: <Icon aria-hidden />, label };
}

/**
 * The main menu for `me`, from the route table's MENU (routes.tsx): each entry shown to the roles of its
 * route, groups always open (every entry one click away, also in the phone drawer) and left out when empty.
 * Badges: 待分派 on the queue, 待签字 on the records, 待巡检 on the inspection tasks.
 */
export function menuItems(me: Me, t: TFunction, badges: MeBadges = {}): MenuItem[] {
  const staff = isProviderStaff(me);
  const audience: Audience | null = staff ? 'staff' : isCustomer(me) ? 'customer' : null;
  const items: MenuItem[] = [];
  for (const section of MENU) {
    if (section.audience && section.audience !== audience) continue;
    const entries = section.entries.flatMap((ref) => menuEntry(ref, me, t, badges) ?? []);
    if (!section.group) items.push(...entries);
    else if (entries.length)
      items.push({
        type: 'group',
        key: `group:${section.group}`,
        label: t(`start.group.${section.group}`),
        children: entries,
      });
  }
  return items;
}

/** The menu key to highlight: the longest menu path that prefixes the current location. */
export function selectedKey(pathname: string, items: MenuItem[]): string | undefined {
  const keys = items.flatMap((i) => ('type' in i ? i.children : [i])).map((e) => e.key);
  return keys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
}

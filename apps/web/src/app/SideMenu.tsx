import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { MenuEntry, MenuItem } from './menu';

interface Props {
  items: MenuItem[];
  selected: string | undefined;
  /** Icons only (the collapsed side bar): labels stay as the links' names, and show on hover. */
  collapsed?: boolean;
  onNavigate?: () => void;
}

/**
 * The main menu as a list of links (plain markup: it is on every signed-in page's first paint, before antd
 * loads). The current page's link carries `aria-current="page"`; groups are titled lists.
 */
export function SideMenu({ items, selected, collapsed = false, onNavigate }: Props) {
  const id = useId();
  const entry = (e: MenuEntry) => (
    <li key={e.key}>
      <Link
        to={e.key}
        className={e.key === selected ? 'side-menu-link selected' : 'side-menu-link'}
        aria-current={e.key === selected ? 'page' : undefined}
        onClick={onNavigate}
      >
        <span className="side-menu-icon" aria-hidden>
          {e.icon}
        </span>
        <span className={collapsed ? 'visually-hidden' : 'side-menu-label'}>{e.label}</span>
      </Link>
    </li>
  );
  return (
    <ul className={collapsed ? 'side-menu collapsed' : 'side-menu'} data-testid="main-menu">
      {items.map((item) => {
        if (!('type' in item)) return entry(item);
        const titleId = `${id}-${item.key}`;
        return (
          <li key={item.key} className="side-menu-group">
            <span className={collapsed ? 'visually-hidden' : 'side-menu-group-title'} id={titleId}>
              {item.label}
            </span>
            <ul aria-labelledby={titleId}>{item.children.map(entry)}</ul>
          </li>
        );
      })}
    </ul>
  );
}

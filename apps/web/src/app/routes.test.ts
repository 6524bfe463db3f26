// The route table drives the router and the menus: every menu entry must name a route with a menu face, and
// every label must exist in both languages (the browser tests select menu links by these names).
import { describe, expect, it } from 'vitest';
import i18n, { LANGS } from '../i18n';
import { MENU } from './menuSections';
import { ROUTES, routeAt } from './routes';

describe('the route table', () => {
  it('has each path once', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it('lists in the menu only routes that have a menu entry', () => {
    const refs = MENU.flatMap((s) => s.entries).map((e) => (typeof e === 'string' ? e : e.path));
    expect(refs.filter((p) => !routeAt(p).nav)).toEqual([]);
    // and every route with a menu face is offered somewhere
    const offered = new Set(refs);
    expect(ROUTES.filter((r) => r.nav && !offered.has(r.path)).map((r) => r.path)).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`has every menu label and group title in ${lang}`, () => {
      const keys = [
        ...ROUTES.flatMap((r) => (r.nav ? [r.nav.label] : [])),
        ...ROUTES.flatMap((r) => (r.nav?.badge ? [`start.badge.${r.nav.badge}`] : [])),
        ...MENU.flatMap((s) => (s.group ? [`start.group.${s.group}`] : [])),
      ];
      expect(keys.filter((k) => !i18n.exists(k, { lng: lang, count: 1 }))).toEqual([]);
    });
  }
});

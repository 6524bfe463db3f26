import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS, TICKET_ACTIONS } from '@weibao/schema';
import { describe, expect, it } from 'vitest';

/**
 * Every action key the server audits must have a word in both languages: the auditor's view and its export
 * show words, never `ticket.dispatch`. Keys are found in the source: quoted dotted literals after `action:`
 * (ternaries included) and the two families built from a template (`ticket.${a}`, `om_record.${action}`).
 */
const SRC = path.resolve(import.meta.dirname, '../..');
const TEMPLATE_FAMILIES: Record<string, readonly string[]> = {
  ticket: TICKET_ACTIONS,
  om_record: ['edit', 'submit', 'review', 'sign', 'reject', 'amend'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function auditedKeys(): { keys: Set<string>; templates: Set<string> } {
  const keys = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // Only audit events: `{ action: …, targetType|summary … }`, not ticket action inputs ('dispatch') or notification kinds.
      const m = /\baction: (.*?)(?:, (?:targetType|summary|detail|result)\b|$)/.exec(line);
      // An error's `{ action: reason('…') }` names the refused step with a message key, not an audit action.
      if (!m || m[1]!.startsWith('reason(')) continue;
      for (const lit of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) keys.add(lit[1]!);
      for (const tpl of m[1]!.matchAll(/`([a-z_]+)\.\$\{/g)) templates.add(tpl[1]!);
    }
  }
  return { keys, templates };
}

describe('audit action labels', () => {
  const { keys, templates } = auditedKeys();

  it('finds the audited actions in the server source', () => {
    expect(keys.size).toBeGreaterThan(80);
    for (const k of [
      'auth.login',
      'auth.lockout',
      'access.denied',
      'checklist.revise',
      'training.session.cancel',
      'audit.export',
    ])
      expect(keys).toContain(k);
    expect([...templates].sort()).toEqual(Object.keys(TEMPLATE_FAMILIES).sort());
  });

  it('every audited action key has a non-empty label in zh-CN and en', () => {
    const all = [...keys, ...[...templates].flatMap((f) => TEMPLATE_FAMILIES[f]!.map((a) => `${f}.${a}`))];
    const missing = all.filter(
      (k) => !AUDIT_ACTION_LABELS[k]?.['zh-CN']?.trim() || !AUDIT_ACTION_LABELS[k]?.en?.trim(),
    );
    expect(missing).toEqual([]);
  });
});

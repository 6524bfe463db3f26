import type { Tx } from './dialect.js';

/**
 * Next value of a named counter (document numbers: tickets per year, O&M records per year, KB
 * articles), starting at 1. The row update serialises concurrent callers, so each number is handed
 * out once; call it inside the transaction that stores the document so a rollback returns nothing.
 */
export async function nextCounter(db: Tx, name: string): Promise<number> {
  const bump = () =>
    db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirst();
  let r = await bump();
  if (!r) {
    // First number of the series; a concurrent first insert is absorbed by the conflict clause.
    await db
      .insertInto('counters')
      .values({ name, value: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    r = await bump();
  }
  return Number(r!.value);
}

import { describe, expect, it } from 'vitest';
import { DomainEvents } from './events.js';

type Events = { 'thing.done': [id: string, n: number]; other: [] };

describe('DomainEvents', () => {
  it('delivers to every handler of the event, in the order they were added, and to no other', async () => {
    const bus = new DomainEvents<Events>();
    const seen: string[] = [];
    bus.on('thing.done', async (id, n) => void seen.push(`a:${id}:${n}`));
    bus.on('thing.done', async (id) => void seen.push(`b:${id}`));
    bus.on('other', async () => void seen.push('other'));
    await bus.emit('thing.done', 'x', 2);
    expect(seen).toEqual(['a:x:2', 'b:x']);
  });

  it('is a no-op without handlers, and a failing handler fails the emit (the caller rolls back)', async () => {
    const bus = new DomainEvents<Events>();
    await expect(bus.emit('other')).resolves.toBeUndefined();
    const after: string[] = [];
    bus.on('other', async () => {
      throw new Error('refused');
    });
    bus.on('other', async () => void after.push('not reached'));
    await expect(bus.emit('other')).rejects.toThrow('refused');
    expect(after).toEqual([]);
  });
});

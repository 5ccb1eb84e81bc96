import { describe, expect, it } from 'vitest';

describe('zod-jitless', () => {
  it('puts zod in jitless mode when loaded before zod', async () => {
    await import('./zod-jitless');
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});

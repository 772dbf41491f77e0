/** Injectable time source: tests move time to check expiry boundaries without sleeping (test/support/manual-clock.ts). */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export const RESTART: { firstMs: number; maxMs: number; stableMs: number };
/** `next(ranMs)`: the pause before starting again a process that ran `ranMs` (1 s doubling to 30 s, back to 1 s after a stable minute). */
export function restartPolicy(options?: { firstMs: number; maxMs: number; stableMs: number }): {
  next(ranMs: number): number;
};

/**
 * The application's clock for time-dependent rules (record locks, prescription expiry). Services
 * call `clock.now()` rather than `new Date()` where a rule depends on the time, so that
 * integration tests can move time forward: `vi.spyOn(clock, "now").mockReturnValue(later)`.
 */
export const clock = {
  now: (): Date => new Date(),
};

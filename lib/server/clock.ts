/**
 * The application's clock for time-dependent rules (record locks, prescription expiry). Services
 * call `clock.now()` rather than `new Date()` where a rule depends on the time, so that
 * integration tests can move time forward: `vi.spyOn(clock, "now").mockReturnValue(later)`.
 * Everything in lib/ reads the time here (the lint rule lint/app-clock.grit refuses `new Date()` and
 * `Date.now()` elsewhere in lib/; durations are measured with `performance.now()`).
 */
export const clock = {
  // biome-ignore lint/plugin: the one place that reads the system clock
  now: (): Date => new Date(),
};

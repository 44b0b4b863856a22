/**
 * The time the bridge's schedules run on (carrier refresh, maintenance).
 * Production: the system clock. The local runtime moves it (local/worker.js)
 * so a test can live 12.5 days of carrier refreshes in seconds.
 */
export const clock = {
  offsetMs: 0,
  now(): number {
    return Date.now() + clock.offsetMs
  },
}

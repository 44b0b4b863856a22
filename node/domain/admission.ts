/**
 * Back-pressure per replica. A replica (one process: service.json `workers`
 * is 1) works at most MAX_IN_FLIGHT event deliveries at once, whatever their
 * handler: catalog and order notifications, jobs, bulk and CSV chunks. One
 * more is answered 429 before any work (nothing read, nothing written) and
 * the events bus delivers it again later: IO events are at-least-once, so
 * nothing is lost, and a burst waits in the bus instead of in the replica's
 * memory (IO kills a replica over service.json's `memory`, with everything
 * it held in flight).
 *
 * Sizing: a change takes ~0.2–0.4 s in its handler (5–6 storage calls at
 * ~20 ms, VTEX and marketplace calls), so 250 changes/s need ~100 deliveries
 * at once (Little's law) — the bound is set just above, where one replica is
 * CPU-bound anyway (`npm run bench:pipeline`); more in flight only adds
 * memory and latency, not throughput. service.json's per-event
 * `rateLimitPerReplica.concurrent` values are each at most this bound.
 */
export const MAX_IN_FLIGHT = 120

/** Whether a replica working `inFlight` deliveries takes one more. */
export const admits = (inFlight: number, limit: number = MAX_IN_FLIGHT) =>
  inFlight < limit

/** The answer to a delivery beyond the bound: 429, delivered again later. */
export class ReplicaBusy extends Error {
  /** HTTP status the event runtime answers (as @vtex/api's rate limits do). */
  public readonly status = 429
  /** Expected under load: a warning, not an error. */
  public readonly level = 'warn'

  constructor(inFlight: number) {
    super(
      `This replica is working ${inFlight} deliveries (at most ${MAX_IN_FLIGHT}); deliver again later.`
    )
    this.name = 'ReplicaBusy'
  }
}

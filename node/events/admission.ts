import { ReplicaBusy, admits } from '../domain/admission'

/** Deliveries this replica (process) is working now, across every handler. */
let inFlight = 0

/**
 * Runs an event's work if the replica is under its bound
 * (domain/admission.ts); otherwise throws ReplicaBusy (429) before any work,
 * and the events bus delivers the event again later.
 */
export async function admitted<T>(work: () => Promise<T>): Promise<T> {
  if (!admits(inFlight)) throw new ReplicaBusy(inFlight)
  inFlight++
  try {
    return await work()
  } finally {
    inFlight--
  }
}

/** Deliveries in flight now (tests). */
export const deliveriesInFlight = () => inFlight

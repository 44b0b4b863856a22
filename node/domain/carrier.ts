import { DomainError } from './errors'
import type { TrackingPayload } from './rules'

/**
 * Tracking beyond Invoiced. VTEX's workflow stops at Invoiced; what happens
 * next comes from the carrier (polled every 6 h for up to 12.5 days, the
 * schedule VTEX documents for its own, broken, automatic tracking) or from a
 * logistics partner posting events. Each news item updates OMS (Update Order
 * Tracking Status, and the invoice's tracking data so Message Center's
 * trackingURL works), the marketplaces, and the order's timeline.
 */
export const CARRIER_STATUSES = [
  'handed-to-carrier',
  'in-transit',
  'delivered',
] as const
export type CarrierStatus = (typeof CARRIER_STATUSES)[number]

export const isCarrierStatus = (v: unknown): v is CarrierStatus =>
  typeof v === 'string' && (CARRIER_STATUSES as readonly string[]).includes(v)

export const HOUR_MS = 3_600_000
export const DEFAULT_REFRESH_HOURS = 6
export const DEFAULT_REFRESH_DAYS = 12.5

/** One thing that happened to the package. */
export interface CarrierEvent {
  status: CarrierStatus
  /** ISO 8601. */
  date: string
  city: string
  state: string
  description: string
}

/** What the carrier connector answers for a tracking number. */
export interface CarrierReport {
  trackingNumber: string
  trackingUrl: string | null
  courier: string | null
  events: CarrierEvent[]
}

/** An order whose package the bridge follows (v2/carrier/{orderId}). */
export interface CarrierWatch {
  orderId: string
  invoiceNumber: string
  trackingNumber: string
  trackingUrl: string | null
  courier: string | null
  state: 'WATCHING' | 'DELIVERED' | 'EXPIRED'
  /** Who is asked for news: the carrier connector, or VTEX Tracking (status updates). */
  source?: 'CARRIER' | 'VTEX_TRACKING'
  startedAt: string
  /** No more checks after this (startedAt + refresh days). */
  until: string
  nextCheckAt: string
  checks: number
  /** Keys of the events already applied (dedupe; replays change nothing). */
  seen: string[]
  /** The events applied so far, oldest first (OMS gets the whole list). */
  events: CarrierEvent[]
  /** The invoice's tracking data was sent to OMS (PATCH invoice). */
  invoicePatched: boolean
  lastError: string | null
  /** Lease against two sweeps checking at once. */
  claimedUntil: string | null
  updatedAt: string
}

export interface RefreshPolicy {
  everyHours: number
  forDays: number
}

/**
 * VTEX's invoice routes take the invoice number in the path: one with "/"
 * cannot be addressed (a known limitation). Say so instead of failing
 * silently.
 */
export function assertAddressableInvoice(invoiceNumber: string) {
  if (invoiceNumber.includes('/')) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Invoice number "${invoiceNumber}" contains "/": VTEX's invoice routes (PATCH …/invoice/{invoiceNumber}, PUT …/invoice/{invoiceNumber}/tracking) cannot address it. Re-issue the invoice in OMS with a number without "/" and reprocess.`,
      'INVOICE_NOT_ADDRESSABLE',
      [{ field: 'invoiceNumber', code: 'INVALID_FORMAT' }]
    )
  }

  return invoiceNumber
}

export const eventKey = (e: CarrierEvent) =>
  `${e.status}|${Date.parse(e.date)}|${e.description.trim().toLowerCase()}`

export function startWatch(
  input: {
    orderId: string
    invoiceNumber: string
    trackingNumber: string
    trackingUrl: string | null
    courier: string | null
  },
  nowMs: number,
  policy: RefreshPolicy
): CarrierWatch {
  const now = new Date(nowMs).toISOString()

  return {
    ...input,
    state: 'WATCHING',
    startedAt: now,
    until: new Date(nowMs + policy.forDays * 24 * HOUR_MS).toISOString(),
    // The first check comes one interval after the invoice (nothing moves before).
    nextCheckAt: new Date(nowMs + policy.everyHours * HOUR_MS).toISOString(),
    checks: 0,
    seen: [],
    events: [],
    invoicePatched: false,
    lastError: null,
    claimedUntil: null,
    updatedAt: now,
  }
}

const byDate = (a: CarrierEvent, b: CarrierEvent) =>
  Date.parse(a.date) - Date.parse(b.date)

/** Events not applied before, oldest first. */
export function newEvents(seen: string[], events: CarrierEvent[]) {
  const known = new Set(seen)
  const out: CarrierEvent[] = []

  for (const e of [...events].sort(byDate)) {
    const k = eventKey(e)

    if (!known.has(k)) {
      known.add(k)
      out.push(e)
    }
  }

  return out
}

/** Remembers applied events (keys for replays, the list for OMS); delivered ends the watch. */
export function withEvents(
  watch: CarrierWatch,
  applied: CarrierEvent[]
): CarrierWatch {
  const delivered =
    watch.state === 'DELIVERED' || applied.some((e) => e.status === 'delivered')

  return {
    ...watch,
    seen: [...watch.seen, ...applied.map(eventKey)].slice(-200),
    events: [...watch.events, ...applied].sort(byDate).slice(-100),
    state: delivered ? 'DELIVERED' : watch.state,
  }
}

/**
 * After a check: remembers the events, schedules the next check, stops when
 * delivered or when the refresh window is over.
 */
export function afterCheck(
  watch: CarrierWatch,
  applied: CarrierEvent[],
  nowMs: number,
  policy: RefreshPolicy,
  error: string | null = null
): CarrierWatch {
  const updated = withEvents(watch, applied)
  const delivered = updated.state === 'DELIVERED'
  const next = nowMs + policy.everyHours * HOUR_MS
  const expired = !delivered && next > Date.parse(watch.until)

  return {
    ...updated,
    checks: watch.checks + 1,
    state: delivered ? 'DELIVERED' : expired ? 'EXPIRED' : 'WATCHING',
    nextCheckAt: new Date(next).toISOString(),
    lastError: error,
    claimedUntil: null,
    updatedAt: new Date(nowMs).toISOString(),
  }
}

/** `yyyy-mm-dd hh:mm` (UTC), the format OMS documents for deliveredDate. */
export const omsDateTime = (iso: string) =>
  new Date(iso).toISOString().slice(0, 16).replace('T', ' ')

/** Body of PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking. */
export function omsTrackingBody(all: CarrierEvent[]) {
  const events = [...all].sort(byDate)
  const delivered = events.find((e) => e.status === 'delivered')

  return {
    isDelivered: Boolean(delivered),
    deliveredDate: delivered ? omsDateTime(delivered.date) : null,
    events: events.map((e) => ({
      city: e.city,
      state: e.state,
      description: e.description,
      date: e.date.slice(0, 10),
    })),
  }
}

/** Body of PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}. */
export function omsInvoicePatch(
  watch: Pick<CarrierWatch, 'trackingNumber' | 'trackingUrl' | 'courier'>,
  events: CarrierEvent[]
) {
  const dispatched = [...events]
    .sort(byDate)
    .find((e) => e.status === 'handed-to-carrier')

  return {
    trackingNumber: watch.trackingNumber,
    trackingUrl: watch.trackingUrl,
    courier: watch.courier,
    dispatchedDate: dispatched ? dispatched.date : null,
  }
}

/** The tracking payload the marketplaces get after carrier news. */
export function marketplacePayload(
  base: TrackingPayload | null,
  events: CarrierEvent[],
  watch: Pick<
    CarrierWatch,
    'invoiceNumber' | 'trackingNumber' | 'trackingUrl' | 'courier'
  >
): TrackingPayload {
  const sorted = [...events].sort(byDate)
  const last = sorted[sorted.length - 1]

  return {
    ...(base ?? {}),
    status: last.status,
    invoice: base?.invoice,
    tracking: {
      number: watch.trackingNumber || null,
      url: watch.trackingUrl,
      courier: watch.courier,
    },
    events: sorted.map((e) => ({ ...e })),
  } as TrackingPayload
}

/** A line of an order's timeline (Tracking tab detail). */
export interface TimelineEntry {
  at: string
  kind:
    | 'STATUS_SENT'
    | 'CARRIER_EVENT'
    | 'PARTNER_EVENT'
    | 'OMS_UPDATED'
    | 'DELIVERED'
  status: string
  description: string
  source: 'VTEX' | 'CARRIER' | 'PARTNER'
}

export const TIMELINE_LIMIT = 50

export const appendTimeline = (
  timeline: TimelineEntry[] | undefined,
  entries: TimelineEntry[]
) =>
  [...(timeline ?? []), ...entries]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-TIMELINE_LIMIT)

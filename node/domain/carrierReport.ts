import { invalidArgument } from './errors'
import type { CarrierEvent, CarrierReport, CarrierStatus } from './carrier'
import { CARRIER_STATUSES, isCarrierStatus } from './carrier'

/** What a carrier (or a partner) says about a package, validated (docs/connector.md). */
const MAX_TEXT = 200

function text(v: unknown, name: string, required: boolean) {
  if (v == null || v === '') {
    if (required) throw invalidArgument(`${name} is required.`)

    return ''
  }

  if (typeof v !== 'string') throw invalidArgument(`${name} must be a string.`)

  return v.trim().slice(0, MAX_TEXT)
}

function isoDate(v: unknown, name: string) {
  const t = typeof v === 'string' ? Date.parse(v) : NaN

  if (Number.isNaN(t)) {
    throw invalidArgument(
      `${name} must be an ISO 8601 date (got ${JSON.stringify(v)}).`
    )
  }

  return new Date(t).toISOString()
}

const DEFAULT_TEXT: Record<CarrierStatus, string> = {
  'handed-to-carrier': 'Handed to the carrier',
  'in-transit': 'In transit',
  delivered: 'Delivered',
}

export function parseEvent(raw: unknown, i: number): CarrierEvent {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<
    string,
    unknown
  >

  const where = `events[${i}]`

  if (!isCarrierStatus(o.status)) {
    throw invalidArgument(
      `${where}.status must be one of ${CARRIER_STATUSES.join(
        ', '
      )} (got ${JSON.stringify(o.status)}).`
    )
  }

  return {
    status: o.status,
    date: isoDate(o.date, `${where}.date`),
    city: text(o.city, `${where}.city`, false),
    state: text(o.state, `${where}.state`, false),
    description:
      text(o.description, `${where}.description`, false) ||
      DEFAULT_TEXT[o.status],
  }
}

export function parseCarrierReport(
  raw: unknown,
  trackingNumber: string
): CarrierReport {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<
    string,
    unknown
  >

  const events = Array.isArray(o.events) ? o.events : []

  return {
    trackingNumber,
    trackingUrl: typeof o.trackingUrl === 'string' ? o.trackingUrl : null,
    courier: typeof o.courier === 'string' ? o.courier : null,
    events: events.map(parseEvent),
  }
}

import type { AdapterOutcome, AdapterResult } from '../../marketplaces/adapter'
import type { AttemptTrigger, Outcome } from '../log'
import type { Tab } from '../tabs'

/**
 * An adapter's outcome in the log's words, when its adapter has none of its
 * own (`describe`): the marketplace, the reason and its own words.
 */
export function describeOutcome(outcome: AdapterOutcome, name: string) {
  const said = outcome.businessMessage ? `: ${outcome.businessMessage}` : ''

  return `${name}: ${outcome.reason}${said}`
}

/**
 * What an adapter's attempt comes to in the log: its status (VTEX's four:
 * a PENDING keeps how it is followed up, an ALERT the store's action), the
 * message (`message`: the adapter's words), the marketplace's business
 * message, the stable `reason` and `params` the admin translates
 * (`admin/marketplace-bridge.outcome.{reason}`), and the last call made
 * (what was sent, what came back; kept for every status but SUCCESS).
 */
export function outcomeOfResult(
  result: AdapterResult,
  message: string,
  at: string,
  trigger: AttemptTrigger
): Outcome {
  const { outcome, exchanges } = result
  const base = {
    message,
    origin: exchanges[exchanges.length - 1] ?? null,
    at,
    trigger,
    businessMessage: outcome.businessMessage ?? null,
    reason: outcome.reason,
    reasonParams: outcome.params ?? null,
  }

  switch (outcome.status) {
    case 'PENDING':
      return { ...base, status: 'PENDING', followUp: outcome.followUp }

    case 'ALERT':
      return { ...base, status: 'ALERT', action: outcome.action }

    default:
      return { ...base, status: outcome.status }
  }
}

/** The transient failure an attempt reports (the retry policy's input); null otherwise. */
export const transientOf = (result: AdapterResult) =>
  result.outcome.status === 'ERROR' ? result.outcome.transient ?? null : null

export function notConfigured(
  marketplace: string,
  tab: Tab,
  at: string,
  trigger: AttemptTrigger
): Outcome {
  return {
    status: 'ERROR',
    message: `Marketplace "${marketplace}" is not configured for ${tab.toLowerCase()} in the app settings.`,
    origin: null,
    at,
    trigger,
  }
}

/** A failure found before anything was sent (e.g. the SKU no longer exists in VTEX). */
export function notSent(
  message: string,
  at: string,
  trigger: AttemptTrigger
): Outcome {
  return { status: 'ERROR', message, origin: null, at, trigger }
}

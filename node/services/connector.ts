import { IntegrationLog, Outcome } from '../domain/log'

/**
 * What the bridge needs from a marketplace: deliver one log's payload and say
 * how it went. Implementations never throw for a marketplace's refusal or
 * outage; they return an ERROR outcome that carries the request and response.
 */
export interface MarketplaceConnector {
  deliver(log: IntegrationLog, trigger: Outcome['trigger']): Promise<Outcome>
}

/** Sends a job's event. The VTEX IO implementation is clients/events. */
export interface JobDispatcher {
  dispatch(jobId: string, logId: string): Promise<void>
}

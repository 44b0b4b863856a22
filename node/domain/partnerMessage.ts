/** What a log collected from a partner's VTEX connector keeps of its message (domain/partnerLog.ts). */
export interface PartnerMessage {
  /** The connector's message id. */
  messageId: string
  /** The connector's words: "Price update", "VTEX to Marketplace". */
  operation: string
  direction: string
  /** VTEX's "content translated" and "content destination", as the connector gave them. */
  translated: string | null
  destination: string | null
  /** Changes when the connector rewrites the message: the same one collected again writes nothing. */
  fingerprint: string
  /** The DateAt it was collected for (yyyy-mm-dd). */
  day: string
}

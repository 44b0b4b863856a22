/** What state a log is in (the admin's status filter and tags). */
export const LOG_STATUSES = ['SUCCESS', 'ERROR', 'QUEUED'] as const
export type LogStatus = (typeof LOG_STATUSES)[number]

export const isLogStatus = (v: unknown): v is LogStatus =>
  typeof v === 'string' && (LOG_STATUSES as readonly string[]).includes(v)

/**
 * What Amazon's answers mean, as adapter outcomes (pure). Each reason is
 * stable (the admin translates `outcome.{reason}`); Amazon's own words go
 * in `businessMessage`. Anything the models do not describe is a clear
 * AMAZON_MALFORMED_ANSWER, never an exception.
 */
import { retryAfterMs } from '../../domain/queue'
import type { AdapterOutcome, HttpResponse } from '../adapter'
import type { SubmissionRef } from './followUpRef'
import { encodeRef } from './followUpRef'

/** When to look at a submission's result: Amazon usually knows its issues within minutes. */
export const FOLLOW_UP_AFTER_MS = 5 * 60_000

export interface AmazonError {
  code: string
  message: string
  details?: string
}

export interface Issue {
  code: string
  message: string
  severity: string
  attributeNames?: string[]
  marketplaceIds?: string[]
}

export const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null

export const str = (v: unknown) => (typeof v === 'string' ? v : null)

/** The `errors` of an ErrorList (Listings) or an Orders error response. */
export function amazonErrors(body: unknown): AmazonError[] {
  const errors = obj(body)?.errors

  return Array.isArray(errors)
    ? errors.flatMap((e) => {
        const o = obj(e)
        const message = str(o?.message)

        return o && message
          ? [
              {
                code: str(o.code) ?? '',
                message,
                ...(str(o.details) ? { details: str(o.details)! } : {}),
              },
            ]
          : []
      })
    : []
}

export const errorsText = (errors: AmazonError[]) =>
  errors
    .map((e) => (e.details ? `${e.message} (${e.details})` : e.message))
    .join('\n') || null

/** Issues as Amazon listed them; null when `value` is not a list of issues. */
export function issuesOf(value: unknown): Issue[] | null {
  if (value == null) return []
  if (!Array.isArray(value)) return null
  const issues: Issue[] = []

  for (const v of value) {
    const o = obj(v)
    const message = str(o?.message)
    const severity = str(o?.severity)

    if (!o || !message || !severity) return null
    issues.push({
      code: str(o.code) ?? '',
      message,
      severity,
      ...(Array.isArray(o.attributeNames)
        ? { attributeNames: o.attributeNames.filter((a) => str(a)) as string[] }
        : {}),
      ...(Array.isArray(o.marketplaceIds)
        ? { marketplaceIds: o.marketplaceIds.filter((a) => str(a)) as string[] }
        : {}),
    })
  }

  return issues
}

export const issuesText = (issues: Issue[]) =>
  issues
    .map((i) =>
      i.attributeNames?.length
        ? `${i.message} [${i.attributeNames.join(', ')}]`
        : i.message
    )
    .join('\n') || null

const header = (res: HttpResponse, name: string) => {
  const key = Object.keys(res.headers ?? {}).find(
    (k) => k.toLowerCase() === name
  )

  return key ? res.headers[key] : null
}

export const malformed = (what: string): AdapterOutcome => ({
  status: 'ERROR',
  reason: 'AMAZON_MALFORMED_ANSWER',
  businessMessage: what,
  // The call may have been applied; repeating it is harmless (same values).
  transient: { retryAfterMs: null },
})

/**
 * A non-2xx answer (or none). 429: Retry-After when sent, else `retryHintMs`
 * (the limiter's next token); 5xx and no answer: transient; 4xx: ERROR with
 * every error Amazon listed.
 */
export function errorOutcome(
  res: HttpResponse,
  now: number,
  retryHintMs: number | null
): AdapterOutcome {
  const s = res.status
  const errors = amazonErrors(res.body)
  const businessMessage =
    errorsText(errors) ??
    (typeof res.body === 'string' && res.body ? res.body : null)

  const params = errors[0]?.code ? { code: errors[0].code } : undefined

  if (s === 429) {
    return {
      status: 'ERROR',
      reason: 'AMAZON_THROTTLED',
      businessMessage,
      transient: {
        retryAfterMs:
          retryAfterMs(header(res, 'retry-after'), now) ?? retryHintMs,
      },
    }
  }

  if (s == null || s >= 500) {
    return {
      status: 'ERROR',
      reason: 'AMAZON_UNAVAILABLE',
      businessMessage: businessMessage ?? res.networkError ?? null,
      transient: {
        retryAfterMs: retryAfterMs(header(res, 'retry-after'), now),
      },
    }
  }

  const reason =
    s === 401 || s === 403
      ? 'AMAZON_ACCESS_DENIED'
      : s === 404
      ? 'AMAZON_NOT_FOUND'
      : 'AMAZON_REQUEST_REJECTED'

  return { status: 'ERROR', reason, params, businessMessage }
}

export const ok = (res: HttpResponse) =>
  res.status != null && res.status >= 200 && res.status < 300

/**
 * A listings submission (patch or put): ACCEPTED is PENDING until Amazon has
 * processed it and its issues are known; INVALID is an ERROR with every
 * issue Amazon found.
 */
export function submissionOutcome(
  res: HttpResponse,
  ref: Omit<SubmissionRef, 'submissionId'>,
  now: number,
  retryHintMs: number | null
): AdapterOutcome {
  if (!ok(res)) return errorOutcome(res, now, retryHintMs)
  const body = obj(res.body)
  const status = str(body?.status)
  const submissionId = str(body?.submissionId)
  const issues = issuesOf(body?.issues)

  if (!body || !submissionId || issues == null)
    return malformed('Amazon answered the submission without its status')
  if (status === 'INVALID') {
    return {
      status: 'ERROR',
      reason: 'AMAZON_SUBMISSION_INVALID',
      params: { issues: issues.length },
      businessMessage: issuesText(issues),
    }
  }

  if (status !== 'ACCEPTED')
    return malformed(`Unexpected submission status "${String(status)}"`)

  return {
    status: 'PENDING',
    reason: 'AMAZON_SUBMISSION_ACCEPTED',
    params: { submissionId },
    businessMessage: issuesText(issues),
    followUp: {
      ref: encodeRef({ ...ref, submissionId }),
      afterMs: FOLLOW_UP_AFTER_MS,
    },
  }
}

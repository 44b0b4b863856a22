import type { HttpResponse } from '../adapter'
import { FOLLOW_UP_AFTER_MS, errorOutcome, submissionOutcome } from './answers'
import { PROCESSING_DEADLINE_MS, followUpOutcome } from './followUpAnswer'
import { decodeRef, encodeRef } from './followUpRef'

const t0 = Date.parse('2026-05-04T12:00:00Z')
const res = (
  status: number | null,
  body: unknown,
  headers = {}
): HttpResponse => ({
  status,
  body,
  headers,
})

const BR = 'A2Q3Y263D00KWC'
const ref = { sku: '1003', submittedAt: t0, expectBuyable: true }

describe('submission answers', () => {
  it('ACCEPTED is PENDING, followed up after 5 minutes with the SKU and submission', () => {
    const o = submissionOutcome(
      res(200, {
        sku: '1003',
        status: 'ACCEPTED',
        submissionId: 'f1dc',
        issues: [],
      }),
      ref,
      t0,
      null
    )

    expect(o).toEqual({
      status: 'PENDING',
      reason: 'AMAZON_SUBMISSION_ACCEPTED',
      params: { submissionId: 'f1dc' },
      businessMessage: null,
      followUp: { ref: expect.any(String), afterMs: FOLLOW_UP_AFTER_MS },
    })
    expect(o.status === 'PENDING' && decodeRef(o.followUp.ref)).toEqual({
      ...ref,
      submissionId: 'f1dc',
    })
  })

  it('INVALID is an ERROR with every issue Amazon found', () => {
    const o = submissionOutcome(
      res(200, {
        sku: 'VALIDATION_INVALID',
        status: 'INVALID',
        submissionId: 'a1c5',
        issues: [
          {
            code: '90220',
            message: "'condition_type' is required but not supplied.",
            severity: 'ERROR',
            attributeNames: ['condition_type'],
            categories: ['MISSING_ATTRIBUTE'],
          },
          {
            code: '90000900',
            message: 'The attributes are invalid.',
            severity: 'ERROR',
            attributeNames: ['fake_attribute'],
            categories: [],
          },
        ],
      }),
      ref,
      t0,
      null
    )

    expect(o).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_SUBMISSION_INVALID',
      params: { issues: 2 },
      businessMessage:
        "'condition_type' is required but not supplied. [condition_type]\nThe attributes are invalid. [fake_attribute]",
    })
  })

  it('a 200 without the documented shape is a clear, retryable error', () => {
    for (const body of [
      null,
      'oops',
      { status: 'ACCEPTED' },
      { sku: 'x', submissionId: 'y', status: 'NEW', issues: [] },
      { sku: 'x', submissionId: 'y', status: 'ACCEPTED', issues: 'none' },
    ]) {
      expect(submissionOutcome(res(200, body), ref, t0, null)).toMatchObject({
        status: 'ERROR',
        reason: 'AMAZON_MALFORMED_ANSWER',
        transient: { retryAfterMs: null },
      })
    }
  })
})

describe('error answers', () => {
  it('400 is a permanent ERROR in Amazon words', () => {
    expect(
      errorOutcome(
        res(400, {
          errors: [
            {
              code: 'InvalidInput',
              message: 'Invalid input',
              details: 'marketplaceIds',
            },
          ],
        }),
        t0,
        200
      )
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_REQUEST_REJECTED',
      params: { code: 'InvalidInput' },
      businessMessage: 'Invalid input (marketplaceIds)',
    })
  })

  it('403 and 404 name what happened', () => {
    expect(
      errorOutcome(
        res(403, {
          errors: [
            {
              code: 'Unauthorized',
              message: 'Access to requested resource is denied.',
              details: '',
            },
          ],
        }),
        t0,
        null
      )
    ).toMatchObject({
      reason: 'AMAZON_ACCESS_DENIED',
      businessMessage: 'Access to requested resource is denied.',
    })
    expect(
      errorOutcome(
        res(404, {
          errors: [{ code: 'NotFound', message: 'Order not found' }],
        }),
        t0,
        null
      )
    ).toMatchObject({
      reason: 'AMAZON_NOT_FOUND',
    })
  })

  it('429 is transient: Retry-After when Amazon sends it, else when the next token is due', () => {
    const body = {
      errors: [
        {
          code: 'QuotaExceeded',
          message: 'You exceeded your quota for the requested resource.',
        },
      ],
    }

    expect(
      errorOutcome(res(429, body, { 'Retry-After': '3' }), t0, 200)
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_THROTTLED',
      businessMessage: 'You exceeded your quota for the requested resource.',
      transient: { retryAfterMs: 3000 },
    })
    expect(errorOutcome(res(429, body), t0, 200)).toMatchObject({
      transient: { retryAfterMs: 200 },
    })
  })

  it('5xx and no answer are transient', () => {
    expect(
      errorOutcome(
        res(503, { errors: [{ code: 'ServiceUnavailable', message: 'Down' }] }),
        t0,
        null
      )
    ).toMatchObject({
      reason: 'AMAZON_UNAVAILABLE',
      transient: { retryAfterMs: null },
    })
    expect(
      errorOutcome(
        { status: null, headers: {}, body: null, networkError: 'ETIMEDOUT' },
        t0,
        null
      )
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_UNAVAILABLE',
      businessMessage: 'ETIMEDOUT',
      transient: { retryAfterMs: null },
    })
  })

  it('a 4xx body that is not an ErrorList is kept as text', () => {
    expect(errorOutcome(res(400, '<html>Bad</html>'), t0, null)).toMatchObject({
      reason: 'AMAZON_REQUEST_REJECTED',
      businessMessage: '<html>Bad</html>',
    })
  })
})

describe('follow-up of a submission (getListingsItem)', () => {
  const sub = { ...ref, submissionId: 'f1dc' }
  const summary = (
    lastUpdatedDate: string,
    status = ['BUYABLE', 'DISCOVERABLE']
  ) => ({
    marketplaceId: BR,
    productType: 'PRODUCT',
    status,
    createdDate: '2026-01-01T00:00:00Z',
    lastUpdatedDate,
  })

  const after = new Date(t0 + 60_000).toISOString()
  const before = new Date(t0 - 60_000).toISOString()
  const item = (summaries: unknown[], issues: unknown[] = []) =>
    res(200, { sku: '1003', summaries, issues })

  it('processed with no error issue: SUCCESS, warnings kept', () => {
    expect(
      followUpOutcome(
        item(
          [summary(after)],
          [
            {
              code: '1',
              message: 'Consider adding bullet points',
              severity: 'WARNING',
              categories: [],
            },
          ]
        ),
        sub,
        [BR],
        t0 + FOLLOW_UP_AFTER_MS,
        null
      )
    ).toEqual({
      status: 'SUCCESS',
      reason: 'AMAZON_LISTING_UPDATED',
      businessMessage: 'Consider adding bullet points',
    })
  })

  it('ERROR issues of our stores: ERROR with each message', () => {
    const o = followUpOutcome(
      item(
        [summary(after, ['DISCOVERABLE'])],
        [
          {
            code: '90220',
            message: "'size' is required but not supplied.",
            severity: 'ERROR',
            attributeNames: ['size'],
            categories: [],
            marketplaceIds: [BR],
          },
          {
            code: '18155',
            message: 'Minimum price above the selling price',
            severity: 'ERROR',
            categories: [],
          },
          {
            code: '9',
            message: 'Only in the US store',
            severity: 'ERROR',
            categories: [],
            marketplaceIds: ['ATVPDKIKX0DER'],
          },
        ]
      ),
      sub,
      [BR],
      t0 + FOLLOW_UP_AFTER_MS,
      null
    )

    expect(o).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_LISTING_ISSUES',
      params: { issues: 2 },
      businessMessage:
        "'size' is required but not supplied. [size]\nMinimum price above the selling price",
    })
  })

  it('not processed yet: PENDING again until the deadline, then judged by its issues', () => {
    expect(
      followUpOutcome(
        item([summary(before)]),
        sub,
        [BR],
        t0 + FOLLOW_UP_AFTER_MS,
        null
      )
    ).toMatchObject({
      status: 'PENDING',
      reason: 'AMAZON_SUBMISSION_PROCESSING',
      followUp: { ref: encodeRef(sub), afterMs: FOLLOW_UP_AFTER_MS },
    })
    expect(
      followUpOutcome(
        item([summary(before)]),
        sub,
        [BR],
        t0 + PROCESSING_DEADLINE_MS,
        null
      )
    ).toMatchObject({ status: 'SUCCESS' })
  })

  it('a listing that should sell but is not buyable is an ALERT; a quantity of 0 is not', () => {
    expect(
      followUpOutcome(
        item([summary(after, ['DISCOVERABLE'])]),
        sub,
        [BR],
        t0 + FOLLOW_UP_AFTER_MS,
        null
      )
    ).toEqual({
      status: 'ALERT',
      reason: 'AMAZON_LISTING_NOT_BUYABLE',
      params: { marketplaces: BR },
      businessMessage: null,
      action: 'LISTING_UNDER_REVIEW',
    })
    expect(
      followUpOutcome(
        item([summary(after, ['DISCOVERABLE'])]),
        { ...sub, expectBuyable: false },
        [BR],
        t0 + FOLLOW_UP_AFTER_MS,
        null
      )
    ).toMatchObject({ status: 'SUCCESS' })
  })

  it('no listing yet: PENDING until the deadline, then ERROR', () => {
    const missing = res(404, {
      errors: [{ code: 'NOT_FOUND', message: "SKU '1003' not found" }],
    })

    expect(
      followUpOutcome(missing, sub, [BR], t0 + FOLLOW_UP_AFTER_MS, null).status
    ).toBe('PENDING')
    expect(
      followUpOutcome(missing, sub, [BR], t0 + PROCESSING_DEADLINE_MS, null)
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_LISTING_NOT_FOUND',
      params: { sku: '1003' },
      businessMessage: "SKU '1003' not found",
    })
  })

  it('malformed listing answers are clear errors', () => {
    expect(
      followUpOutcome(
        res(200, { sku: 'x', issues: [{ nope: 1 }] }),
        sub,
        [BR],
        t0,
        null
      )
    ).toMatchObject({
      reason: 'AMAZON_MALFORMED_ANSWER',
    })
    expect(followUpOutcome(res(200, []), sub, [BR], t0, null)).toMatchObject({
      reason: 'AMAZON_MALFORMED_ANSWER',
    })
  })
})

describe('follow-up refs', () => {
  it('round-trip SKUs with any character and refuse foreign refs', () => {
    const r = {
      sku: 'A|B/C 1',
      submissionId: 'x|y',
      submittedAt: t0,
      expectBuyable: false,
    }

    expect(decodeRef(encodeRef(r))).toEqual(r)
    for (const bad of [
      '',
      'amz1|a|b',
      'ml|a|b|1|1',
      'amz1|a|b|soon|1',
      'amz1|a|b|1|2',
      'amz1|%E0%A4%A|b|1|1',
    ])
      expect(decodeRef(bad)).toBeNull()
  })
})

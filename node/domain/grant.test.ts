import type { GrantRecord } from './grant'
import {
  connected,
  disconnected,
  grantStep,
  marketplaceAnswered,
  invalidated,
  isTokenFailure,
  leased,
  refreshed,
  released,
  revoked,
  stepFailure,
  standingRecord,
  tokenFailure,
  withCredentials,
} from './grant'

const NOW = 1_000_000
const SKEW = 300_000

const record = (fields: Partial<GrantRecord> = {}): GrantRecord => ({
  grant: { accessToken: 'A1', expiresAt: NOW + 3_600_000, refreshToken: 'R1' },
  state: 'CONNECTED',
  revoked: null,
  lease: null,
  updatedAt: 0,
  previous: [],
  ...fields,
})

const expired = (fields: Partial<GrantRecord> = {}) =>
  record({
    grant: { accessToken: 'A1', expiresAt: NOW + SKEW - 1, refreshToken: 'R1' },
    ...fields,
  })

describe('grantStep', () => {
  const step = (r: GrantRecord | null) => grantStep(r, NOW, 'me', SKEW)

  it('uses a token valid beyond the skew', () => {
    expect(step(record())).toEqual({ kind: 'use', token: 'A1' })
  })

  it('refreshes a token that expires within the skew', () => {
    expect(step(expired())).toEqual({ kind: 'refresh', takenOver: false })
  })

  it("waits for someone else's live lease, takes an expired one over", () => {
    expect(
      step(
        expired({ lease: { owner: 'other', until: NOW + 1, takenOver: false } })
      )
    ).toEqual({
      kind: 'wait',
      untilMs: NOW + 1,
    })
    expect(
      step(expired({ lease: { owner: 'other', until: NOW, takenOver: false } }))
    ).toEqual({
      kind: 'refresh',
      takenOver: true,
    })
    expect(
      step(
        expired({ lease: { owner: 'me', until: NOW + 1, takenOver: false } })
      )
    ).toEqual({
      kind: 'refresh',
      takenOver: false,
    })
  })

  it('says why there is no token', () => {
    expect(step(null)).toEqual({ kind: 'not-connected' })
    expect(step(record({ grant: null }))).toEqual({ kind: 'not-connected' })
    expect(step(revoked(record(), 'INVALID_GRANT', 'ML said no', NOW))).toEqual(
      {
        kind: 'revoked',
        reason: 'INVALID_GRANT',
        message: 'ML said no',
      }
    )
    expect(
      step(
        expired({
          grant: { accessToken: 'A1', expiresAt: 0, refreshToken: null },
        })
      )
    ).toEqual({
      kind: 'no-refresh-token',
    })
  })
})

describe('grant record changes', () => {
  it('a refresh replaces the grant, clears the lease and any revocation', () => {
    const r = revoked(
      leased(record(), 'me', NOW, 30_000, true),
      'REFRESH_TOKEN_LOST',
      null,
      NOW
    )

    const fresh = { accessToken: 'A2', expiresAt: NOW + 1, refreshToken: 'R2' }

    expect(refreshed(r, fresh, NOW + 5)).toMatchObject({
      grant: fresh,
      state: 'CONNECTED',
      revoked: null,
      lease: null,
      updatedAt: NOW + 5,
    })
  })

  it('only the owner releases its lease', () => {
    const r = leased(record(), 'me', NOW, 30_000, false)

    expect(released(r, 'other')).toBeNull()
    expect(released(r, 'me')).toMatchObject({ lease: null })
  })

  it('invalidates only the named token and keeps the refresh token', () => {
    expect(invalidated(record(), 'A0')).toBeNull()
    expect(invalidated(record(), 'A1')!.grant).toEqual({
      accessToken: 'A1',
      expiresAt: 0,
      refreshToken: 'R1',
    })
  })

  it('a reconnect keeps the last five records it replaced', () => {
    let r: GrantRecord | null = null

    for (let i = 0; i < 7; i++)
      r = connected(
        r,
        { accessToken: `A${i}`, expiresAt: i, refreshToken: `R${i}` },
        i
      )

    expect(r!.grant!.accessToken).toBe('A6')
    expect(r!.previous.map((p) => p.grant!.accessToken)).toEqual([
      'A5',
      'A4',
      'A3',
      'A2',
      'A1',
    ])
  })
})

describe('Disconnect', () => {
  it('revokes at once, keeping the grant; jobs are told to connect again', () => {
    const r = disconnected(
      record({ lease: { owner: 'x', until: NOW, takenOver: false } }),
      NOW
    )

    expect(r).toMatchObject({
      state: 'REVOKED',
      revoked: { at: NOW, reason: 'DISCONNECTED', message: null },
      lease: null,
      grant: record().grant,
    })
    const step = grantStep(r, NOW, 'me', SKEW)

    expect(step).toEqual({
      kind: 'revoked',
      reason: 'DISCONNECTED',
      message: null,
    })
    expect(
      stepFailure(step as Extract<typeof step, { kind: 'revoked' }>)
    ).toMatchObject({
      code: 'GRANT_REVOKED',
      revokedReason: 'DISCONNECTED',
      message:
        'The store disconnected this marketplace in the settings: connect again, then reprocess.',
    })
  })

  it("is the store's word: a refresh or a failure found afterwards changes neither state nor reason", () => {
    const r = disconnected(record(), NOW)

    expect(
      refreshed(
        r,
        { accessToken: 'A2', expiresAt: NOW * 2, refreshToken: 'R2' },
        NOW + 1
      )
    ).toBeNull()
    expect(revoked(r, 'INVALID_GRANT', 'invalid_grant', NOW + 1)).toMatchObject(
      {
        state: 'REVOKED',
        revoked: { at: NOW, reason: 'DISCONNECTED' },
      }
    )
    // An earlier revocation is overridden by the store's disconnect.
    expect(
      disconnected(revoked(record(), 'INVALID_GRANT', 'x', NOW), NOW + 5)
        .revoked
    ).toEqual({ at: NOW + 5, reason: 'DISCONNECTED', message: null })
  })

  it("keeps Mercado Livre's answer on the disconnect it belongs to, not on a later connection", () => {
    const r = disconnected(record(), NOW)

    expect(marketplaceAnswered(r, NOW, true)?.revoked).toMatchObject({
      reason: 'DISCONNECTED',
      marketplaceRevoked: true,
    })
    expect(marketplaceAnswered(r, NOW - 1, true)).toBeNull()
    expect(
      marketplaceAnswered(connected(r, record().grant!, NOW + 1), NOW, false)
    ).toBeNull()
  })
})

describe('tokenFailure', () => {
  it('is an Error with a code the keeper and adapters understand', () => {
    const f = tokenFailure('REFRESH_FAILED', 'busy', { retryAfterMs: 5 })

    expect(f).toBeInstanceOf(Error)
    expect(f).toMatchObject({
      code: 'REFRESH_FAILED',
      message: 'busy',
      retryAfterMs: 5,
    })
    expect(isTokenFailure(f)).toBe(true)
    expect(
      isTokenFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }))
    ).toBe(false)
  })
})

describe('grantStep for a standing grant (credentials in the settings)', () => {
  const step = (r: GrantRecord | null, standing: string) =>
    grantStep(r, NOW, 'me', SKEW, standing)

  const cached = (credentials: string) =>
    record({
      grant: withCredentials(
        { accessToken: 'A1', expiresAt: NOW + 3_600_000, refreshToken: null },
        credentials
      ),
    })

  it('uses a token obtained with the same credentials', () => {
    expect(step(cached('fp1'), 'fp1')).toEqual({ kind: 'use', token: 'A1' })
  })

  it('refreshes a valid token obtained with other credentials (the store saved new ones)', () => {
    expect(step(cached('fp0'), 'fp1')).toEqual({
      kind: 'refresh',
      takenOver: false,
    })
  })

  it('refreshes an expired token without a stored refresh token (it is the settings’)', () => {
    expect(step(standingRecord(NOW), 'fp1')).toEqual({
      kind: 'refresh',
      takenOver: false,
    })
  })

  it('still waits for another holder’s lease, and is not connected with no record', () => {
    expect(
      step(
        {
          ...standingRecord(NOW),
          lease: { owner: 'other', until: NOW + 5, takenOver: false },
        },
        'fp1'
      )
    ).toEqual({ kind: 'wait', untilMs: NOW + 5 })
    expect(step(null, 'fp1')).toEqual({ kind: 'not-connected' })
  })

  it('marks a fresh token with its credentials; a Connect grant is left as it came', () => {
    const g = { accessToken: 'A2', expiresAt: 5, refreshToken: null }

    expect(withCredentials(g, 'fp1').extra).toEqual({ credentials: 'fp1' })
    expect(withCredentials(g, null)).toBe(g)
  })
})

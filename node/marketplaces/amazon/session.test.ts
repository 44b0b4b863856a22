import { LwaError } from './lwa'
import { pacedPlan, tokenOutcome } from './session'

describe('tokenOutcome: why no access token could be had, as the log says it', () => {
  it('credentials Login with Amazon refused: an error to fix in the settings, not retried', () => {
    expect(
      tokenOutcome(
        new LwaError('invalid_grant: bad token', 'AMAZON_AUTH_REFUSED', false)
      )
    ).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_AUTH_REFUSED',
      businessMessage: 'invalid_grant: bad token',
    })
  })

  it('the keeper could not have a token now (storage, another job’s renewal): transient, with its wait', () => {
    const failure = Object.assign(
      new Error('Another job is still renewing the authorization.'),
      { code: 'REFRESH_FAILED', retryAfterMs: 1200 }
    )

    expect(tokenOutcome(failure)).toEqual({
      status: 'ERROR',
      reason: 'AMAZON_AUTH_UNAVAILABLE',
      businessMessage: 'Another job is still renewing the authorization.',
      transient: { retryAfterMs: 1200 },
    })
  })

  it('anything else is a bug and is thrown', () => {
    const bug = new TypeError('x is undefined')

    expect(() => tokenOutcome(bug)).toThrow(bug)
  })
})

describe('pacedPlan: the burst the limiter spends', () => {
  it('keeps one token of Amazon’s burst spare, never going below one call', () => {
    expect(pacedPlan({ rate: 5, burst: 5 })).toEqual({ rate: 5, burst: 4 })
    expect(pacedPlan({ rate: 0.0167, burst: 1 })).toEqual({
      rate: 0.0167,
      burst: 1,
    })
  })
})

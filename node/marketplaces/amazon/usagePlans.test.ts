import { SP_API_OPERATIONS, USAGE_PLANS, rateLimitHeader } from './usagePlans'

interface Validator {
  SpApiModels: new () => Models
}

interface Models {
  operations: Array<{
    id: string
    plan: { rate: number; burst: number } | null
  }>
}

// Amazon's models (copied in the local emulator) are the source of the plans.
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const validator: Validator = require('../../../local/emulator/amazon/validator')

describe('usage plans', () => {
  it("are the ones in each operation's description in Amazon's models", () => {
    const models = new validator.SpApiModels()
    const documented = Object.fromEntries(
      SP_API_OPERATIONS.map((id) => [
        id,
        models.operations.find((o) => o.id === id)?.plan,
      ])
    )

    expect(documented).toEqual(USAGE_PLANS)
  })

  it('reads x-amzn-RateLimit-Limit in any case, ignoring nonsense', () => {
    expect(rateLimitHeader({ 'x-amzn-RateLimit-Limit': '2.0' })).toBe(2)
    expect(rateLimitHeader({ 'x-amzn-ratelimit-limit': '0.0167' })).toBe(0.0167)
    expect(rateLimitHeader({ 'x-amzn-ratelimit-limit': 'fast' })).toBeNull()
    expect(rateLimitHeader({ 'x-amzn-ratelimit-limit': '0' })).toBeNull()
    expect(rateLimitHeader({})).toBeNull()
    expect(rateLimitHeader(undefined)).toBeNull()
  })
})

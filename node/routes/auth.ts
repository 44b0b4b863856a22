import { timingSafeEqual } from 'crypto'

import { AuthenticationError, ForbiddenError } from '@vtex/api'

/**
 * The License Manager resource every admin operation of the app requires:
 * the same one the schema's @auth names (product 66, VTEX IO).
 */
export const ADMIN_RESOURCE = 'read-write-apps-settings'

/**
 * What the GraphQL @auth directive checks, for public HTTP routes the admin
 * calls: the caller's VtexIdclientAutCookie (cookie or header) names a user
 * of this account (VTEX ID), and License Manager grants that user the
 * resource (@vtex/api's LicenseManager.canAccessResource, asked with the
 * user's own token, so it answers for this account and this user only).
 */
export async function requireAdmin(ctx: Context) {
  const token =
    ctx.cookies.get('VtexIdclientAutCookie') ?? ctx.get('VtexIdclientAutCookie')

  if (!token) throw new AuthenticationError('VtexIdclientAutCookie not found.')
  const user = await ctx.clients.vtexId.user(token).catch(() => null)

  if (!user?.user || (user.account && user.account !== ctx.vtex.account)) {
    throw new AuthenticationError('Could not find the user of this session.')
  }

  if (
    !(await ctx.clients.licenseManager.canAccessResource(token, ADMIN_RESOURCE))
  ) {
    throw new ForbiddenError('This user may not read the integration logs.')
  }
}

/** Constant-time comparison of a bearer token with the configured secret. */
export function bearerMatches(header: string | undefined, secret: string) {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '')

  if (!m) return false
  const given = Buffer.from(m[1].trim())
  const expected = Buffer.from(secret)

  return given.length === expected.length && timingSafeEqual(given, expected)
}

import { timingSafeEqual } from 'crypto'

import { AuthenticationError, ForbiddenError } from '@vtex/api'

/**
 * What the GraphQL @auth directive checks, for HTTP routes: the caller's
 * VtexIdclientAutCookie (cookie or header) names a user of this account with
 * the app's License Manager resource.
 */
export async function requireAdmin(ctx: Context) {
  const token =
    ctx.cookies.get('VtexIdclientAutCookie') ?? ctx.get('VtexIdclientAutCookie')

  if (!token) throw new AuthenticationError('VtexIdclientAutCookie not found.')
  const user = await ctx.clients.adminAuth.user(token).catch(() => null)

  if (!user?.user || user.account !== ctx.vtex.account) {
    throw new AuthenticationError('Could not find the user of this session.')
  }

  if (!(await ctx.clients.adminAuth.granted(user.user))) {
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

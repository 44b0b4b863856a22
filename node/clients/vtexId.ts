import { JanusClient } from '@vtex/api'

export interface AuthenticatedUser {
  user?: string
  userId?: string
  account?: string
}

/**
 * VTEX ID's "authenticated user" lookup, through Janus: who a
 * VtexIdclientAutCookie belongs to. @vtex/api has no client for it (its own
 * @auth directive calls it inline); License Manager checks go through
 * @vtex/api's LicenseManager client instead.
 */
export class VtexId extends JanusClient {
  public async user(vtexIdToken: string): Promise<AuthenticatedUser | null> {
    const data = await this.http.get<AuthenticatedUser | null>(
      '/api/vtexid/pub/authenticated/user',
      { params: { authToken: vtexIdToken }, metric: 'vtexid-user' }
    )

    return data ?? null
  }
}

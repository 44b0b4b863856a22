import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

/** The product and resource every admin operation of the app requires (as @auth in the schema). */
export const PRODUCT_CODE = '66'
export const RESOURCE_CODE = 'read-write-apps-settings'

/**
 * What the GraphQL @auth directive checks, for HTTP routes: the admin's
 * VtexIdclientAutCookie names a user of this account, and the License
 * Manager grants that user the resource.
 */
export class AdminAuth extends ExternalClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('', context, options)
  }

  public async user(vtexIdToken: string) {
    const url = `vtexid.vtex.com.br/api/vtexid/pub/authenticated/user?authToken=${encodeURIComponent(
      vtexIdToken
    )}`

    return this.http.get<{ user?: string; account?: string } | null>(
      `http://${url}`,
      {
        headers: {
          'Proxy-Authorization': this.context.authToken,
          'X-VTEX-Proxy-To': `https://${url}`,
        },
        metric: 'vtexid-user',
      }
    )
  }

  public async granted(user: string) {
    const { account } = this.context

    return this.http.get<boolean>(
      `http://${account}.vtexcommercestable.com.br/api/license-manager/pvt/accounts/${account}/products/${PRODUCT_CODE}/logins/${encodeURIComponent(
        user
      )}/resources/${RESOURCE_CODE}/granted`,
      {
        headers: { Authorization: this.context.authToken },
        metric: 'license-manager-granted',
      }
    )
  }
}

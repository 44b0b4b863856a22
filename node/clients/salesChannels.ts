import type { SalesChannel } from '../domain/channels/vtexTypes'
import { AppJanusClient } from './janus'

const SKU_IDS_PAGE = 1000
/** 1 000 pages of 1 000: a catalog of a million SKUs per trade policy. */
const MAX_PAGES = 1000

/**
 * Catalog's trade policies (sales channels).
 *   list: read with the admin's own token on the settings page — VTEX decides
 *     by the admin's roles (Catalog API › View Product); the app holds no
 *     policy for it (docs/channels.md, "Permissions").
 *   skuIds: with the app's token (policy Sku.aspx, which VTEX IO documents
 *     for /api/catalog_system/pvt/sku/*).
 */
export class SalesChannels extends AppJanusClient {
  public list(userToken: string) {
    return this.http.get<SalesChannel[]>(
      '/api/catalog_system/pvt/saleschannel/list',
      {
        metric: 'catalog-sales-channels',
        headers: { VtexIdclientAutCookie: userToken },
      }
    )
  }

  /** One page of the SKU ids sold in a trade policy (those assigned to none included: they are sold in all). */
  public skuIdsPage(
    salesChannel: string,
    page: number,
    pageSize = SKU_IDS_PAGE
  ) {
    return this.getOrNull<number[]>(
      `/api/catalog_system/pvt/sku/stockkeepingunitidsbysaleschannel?sc=${encodeURIComponent(
        salesChannel
      )}&page=${page}&pageSize=${pageSize}&onlyAssigned=false`,
      'catalog-sku-ids-by-sales-channel'
    )
  }

  /** Every SKU id sold in a trade policy, page after page until a short page. */
  public async skuIds(salesChannel: string) {
    const ids: number[] = []

    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = (await this.skuIdsPage(salesChannel, page)) ?? []

      ids.push(...batch)
      if (batch.length < SKU_IDS_PAGE) break
    }

    return ids
  }
}

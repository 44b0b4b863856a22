import type { CatalogSku } from '../domain/vtex'
import { AppJanusClient } from './janus'

/** Catalog API (policy Sku.aspx, "SKUs"). */
export class Catalog extends AppJanusClient {
  public sku(skuId: string) {
    return this.getOrNull<CatalogSku>(
      `/api/catalog_system/pvt/sku/stockkeepingunitbyid/${encodeURIComponent(
        skuId
      )}`,
      'catalog-sku'
    )
  }
}

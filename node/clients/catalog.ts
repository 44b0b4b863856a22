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

  /** The id of the SKU with this reference code (RefId), or null when none has it. */
  public async skuIdByRefId(refId: string) {
    const id = await this.getOrNull<string | number | null>(
      `/api/catalog_system/pvt/sku/stockkeepingunitidbyrefid/${encodeURIComponent(
        refId
      )}`,
      'catalog-sku-by-refid'
    )

    return id == null || String(id).trim() === '' ? null : String(id)
  }

  /** The id of the SKU with this EAN, or null when none has it. */
  public async skuIdByEan(ean: string) {
    const sku = await this.getOrNull<{ Id?: number | string } | null>(
      `/api/catalog_system/pvt/sku/stockkeepingunitbyean/${encodeURIComponent(
        ean
      )}`,
      'catalog-sku-by-ean'
    )

    return sku?.Id == null ? null : String(sku.Id)
  }
}

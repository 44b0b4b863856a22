import { rootOf } from '../../composition/root'
import { importListingCsv as importCsv } from '../../services/listingImport'
import { withErrors } from '../errors'
import { requireMarketplace } from '../listings'
import type { MutationFn } from '../types'

/** A marketplace's SKU ↔ listing mappings from a CSV: good rows written, bad ones reported by line. */
export const importListingCsv: MutationFn<'importListingCsv'> = withErrors(
  async (_, { marketplace, csv }, ctx) => {
    const root = rootOf(ctx.clients)

    await requireMarketplace(root, marketplace)
    const result = await importCsv(
      root.listings,
      marketplace,
      csv,
      ctx.clients.skuCatalog
    )

    return {
      ...result,
      errors: result.errors.map((e) => ({
        line: e.line,
        field: e.field,
        code: e.code,
        params: Object.entries(e.params ?? {}).map(([name, value]) => ({
          name,
          value: String(value),
        })),
      })),
    }
  }
)

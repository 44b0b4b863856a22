import { LAYOUT_ROOT } from '../layout'

/**
 * Where the SKU ↔ listing mapping lives in the `logs` bucket (docs/storage.md):
 *
 *   v2/listing/{marketplace}/sku/{skuId}          the SKU's listings on that marketplace
 *   v2/listing/{marketplace}/id/{listing key}     listing id → SKU(s), per variation
 *
 * The listing key is the listing id in base64url (no padding): a marketplace
 * listing id may hold any character (an Amazon seller SKU), a VBase path may not.
 */
export const listingKey = (listingId: string) =>
  Buffer.from(listingId, 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

export const listingKeyToId = (key: string) =>
  Buffer.from(key.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(
    'utf8'
  )

export const skuListingsPath = (marketplaceId: string, skuId: string) =>
  `${LAYOUT_ROOT}/listing/${marketplaceId}/sku/${skuId}`

export const listingRefPath = (marketplaceId: string, listingId: string) =>
  `${LAYOUT_ROOT}/listing/${marketplaceId}/id/${listingKey(listingId)}`

export const skuListingsPrefix = (marketplaceId: string) =>
  `${LAYOUT_ROOT}/listing/${marketplaceId}/sku/`

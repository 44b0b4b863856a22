/**
 * Listing attributes in Amazon's JSON shape (Product Type Definitions): each
 * attribute is an array of values keyed by `marketplace_id` (and
 * `language_tag` for text). Only what a VTEX channel product says is sent;
 * anything else Amazon needs for a product type is reported back by Amazon
 * as an issue, which the log shows in Amazon's words.
 */
import type { ChannelProduct, Money } from '../adapter'
import type { AmazonStore } from './marketplaces'

export type Attributes = Record<string, Array<Record<string, unknown>>>

/** Amazon takes up to 8 more images besides the main one. */
const MAX_OTHER_IMAGES = 8

/** Plain text of a VTEX description (which is often HTML). */
export function plainText(html: string) {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}

const texts = (store: AmazonStore, value: string | null) =>
  value
    ? [
        {
          value,
          language_tag: store.language,
          marketplace_id: store.id,
        },
      ]
    : null

/** Facts about the product itself (title, brand, description, images, part number). */
export function productFacts(p: ChannelProduct, store: AmazonStore) {
  const attributes: Attributes = {}
  const put = (name: string, value: Array<Record<string, unknown>> | null) => {
    if (value) attributes[name] = value
  }

  put('item_name', texts(store, p.name.trim() || null))
  put('brand', texts(store, p.brand?.trim() || null))
  put(
    'product_description',
    texts(store, p.description ? plainText(p.description) || null : null)
  )
  if (p.refId)
    put('part_number', [{ value: p.refId, marketplace_id: store.id }])
  const [main, ...others] = p.imageUrls

  if (main)
    put('main_product_image_locator', [
      { media_location: main, marketplace_id: store.id },
    ])
  others
    .slice(0, MAX_OTHER_IMAGES)
    .forEach((url, i) =>
      put(`other_product_image_locator_${i + 1}`, [
        { media_location: url, marketplace_id: store.id },
      ])
    )

  return attributes
}

/** The offer's price for each store (B2C audience `ALL`, price with taxes as VTEX keeps it). */
export const purchasableOffer = (price: Money, stores: AmazonStore[]) =>
  stores.map((s) => ({
    marketplace_id: s.id,
    currency: price.currency,
    audience: 'ALL',
    our_price: [{ schedule: [{ value_with_tax: price.amount }] }],
  }))

/** Seller-fulfilled quantity (`DEFAULT` is the merchant's own fulfilment channel). */
export const fulfillmentAvailability = (quantity: number) => [
  { fulfillment_channel_code: 'DEFAULT', quantity },
]

/**
 * Everything a new listing is created with (putListingsItem): the product
 * facts, its identifier (EAN, or the declared exemption when VTEX has
 * none), condition new and, when the channel has a price, the offer.
 * No quantity: the next stock change sets it (a PUT would otherwise reset
 * the stock to whatever the catalog change carried).
 */
export function newListingAttributes(p: ChannelProduct, store: AmazonStore) {
  const attributes: Attributes = productFacts(p, store)

  if (p.ean)
    attributes.externally_assigned_product_identifier = [
      { type: 'ean', value: p.ean, marketplace_id: store.id },
    ]
  else
    attributes.supplier_declared_has_product_identifier_exemption = [
      { value: true, marketplace_id: store.id },
    ]
  attributes.condition_type = [{ value: 'new_new', marketplace_id: store.id }]
  if (p.price) attributes.purchasable_offer = purchasableOffer(p.price, [store])

  return attributes
}

'use strict'

/**
 * Sellers' listings as the Listings Items API shows them. A valid submission
 * is ACCEPTED at once and processed later on the emulator's clock
 * (`processingMs`): only then do its values, its `lastUpdatedDate` and its
 * issues (those the console queued for the SKU) appear, and a
 * LISTINGS_ITEM_ISSUES_CHANGE notification is recorded when the issues
 * changed. A patch for a SKU the seller has no listing for is ACCEPTED, as
 * Amazon does, and leaves an incomplete listing with a missing-attribute
 * issue; a PUT creates the listing when processed.
 */
const crypto = require('crypto')

const iso = (ms) => new Date(ms).toISOString()

class Listings {
  constructor(clock) {
    this.clock = clock
    this.items = new Map() // `${sellerId}|${sku}` -> listing
    this.pending = [] // { key, sellerId, sku, submissionId, processAt, apply(listing) }
    this.queued = new Map() // key -> issues for the next processed submission
    this.notifications = []
    this.processingMs = 60_000
  }

  key(sellerId, sku) {
    return `${sellerId}|${sku}`
  }

  /** A listing as seeded: complete, buyable where it has stock and a price. */
  seed(
    sellerId,
    sku,
    { productType = 'PRODUCT', marketplaceIds, attributes, asin }
  ) {
    // Seeded listings were last changed a day ago.
    const at = iso(this.clock.now() - 86_400_000)

    this.items.set(this.key(sellerId, sku), {
      sellerId,
      sku,
      productType,
      asin:
        asin ||
        `B0${crypto
          .createHash('md5')
          .update(sku)
          .digest('hex')
          .slice(0, 8)
          .toUpperCase()}`,
      marketplaceIds: [...marketplaceIds],
      attributes: JSON.parse(JSON.stringify(attributes)),
      issues: [],
      createdDate: at,
      lastUpdatedDate: at,
      underReview: false,
    })
  }

  queueIssues(sellerId, sku, issues) {
    this.queued.set(this.key(sellerId, sku), issues)
  }

  setReview(sellerId, sku, underReview) {
    const l = this.items.get(this.key(sellerId, sku))

    if (l) l.underReview = Boolean(underReview)

    return Boolean(l)
  }

  submit(sellerId, sku, apply) {
    const submissionId = crypto.randomUUID().replace(/-/g, '')

    this.pending.push({
      key: this.key(sellerId, sku),
      sellerId,
      sku,
      submissionId,
      processAt: this.clock.now() + this.processingMs,
      apply,
    })

    return submissionId
  }

  /** Applies the submissions whose time has come (called before every read). */
  process() {
    const now = this.clock.now()
    const due = this.pending.filter((p) => p.processAt <= now)

    this.pending = this.pending.filter((p) => p.processAt > now)
    for (const p of due.sort((a, b) => a.processAt - b.processAt)) {
      const before = this.items.get(p.key)
      const listing = p.apply(
        before ? JSON.parse(JSON.stringify(before)) : null,
        p
      )

      const queued = this.queued.get(p.key)

      this.queued.delete(p.key)
      listing.issues =
        queued || (listing.attributes.item_name ? [] : listing.issues)
      listing.lastUpdatedDate = iso(p.processAt)
      this.items.set(p.key, listing)
      if (
        JSON.stringify(before?.issues || []) !== JSON.stringify(listing.issues)
      )
        this.notify(listing)
    }
  }

  notify(listing) {
    const enforcements = listing.issues.flatMap((i) =>
      (i.enforcements?.actions || []).map((a) => a.action)
    )

    this.notifications.push({
      NotificationVersion: '1.0',
      NotificationType: 'LISTINGS_ITEM_ISSUES_CHANGE',
      PayloadVersion: '2023-12-13',
      EventTime: listing.lastUpdatedDate,
      Payload: {
        SellerId: listing.sellerId,
        MarketplaceId: listing.marketplaceIds[0],
        Asin: listing.asin,
        Sku: listing.sku,
        Severities: [...new Set(listing.issues.map((i) => i.severity))],
        EnforcementActions: [...new Set(enforcements)],
      },
      NotificationMetadata: {
        ApplicationId: 'amzn1.sellerapps.app.local-bridge',
        SubscriptionId: 'local-subscription',
        PublishTime: iso(this.clock.now()),
        NotificationId: crypto.randomUUID(),
      },
    })
  }

  get(sellerId, sku) {
    this.process()

    return this.items.get(this.key(sellerId, sku)) || null
  }

  quantity(listing) {
    const f = (listing.attributes.fulfillment_availability || []).find(
      (e) => e.fulfillment_channel_code === 'DEFAULT'
    )

    return f && Number.isInteger(f.quantity) ? f.quantity : 0
  }

  price(listing, marketplaceId) {
    const offer = (listing.attributes.purchasable_offer || []).find(
      (o) => o.marketplace_id === marketplaceId
    )

    return offer?.our_price?.[0]?.schedule?.[0]?.value_with_tax ?? null
  }

  /** BUYABLE needs stock, a price, product facts and no ERROR issue; DISCOVERABLE the facts. */
  statuses(listing, marketplaceId) {
    if (listing.underReview || !listing.attributes.item_name) return []
    const errors = listing.issues.some((i) => i.severity === 'ERROR')
    const buyable =
      !errors &&
      this.quantity(listing) > 0 &&
      this.price(listing, marketplaceId) != null

    return buyable ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE']
  }

  /** getListingsItem's Item for `includedData`. */
  view(listing, marketplaceIds, included) {
    const item = { sku: listing.sku }
    const ours = listing.marketplaceIds.filter((m) =>
      marketplaceIds.includes(m)
    )

    if (included.includes('summaries'))
      item.summaries = ours.map((marketplaceId) => ({
        marketplaceId,
        asin: listing.asin,
        productType: listing.productType,
        conditionType:
          listing.attributes.condition_type?.[0]?.value || 'new_new',
        status: this.statuses(listing, marketplaceId),
        itemName: listing.attributes.item_name?.[0]?.value || listing.sku,
        createdDate: listing.createdDate,
        lastUpdatedDate: listing.lastUpdatedDate,
      }))
    if (included.includes('issues'))
      item.issues = listing.issues.map((i) => ({ ...i, marketplaceIds: ours }))
    if (included.includes('attributes')) item.attributes = listing.attributes
    if (included.includes('fulfillmentAvailability'))
      item.fulfillmentAvailability = [
        { fulfillmentChannelCode: 'DEFAULT', quantity: this.quantity(listing) },
      ]

    return item
  }
}

/** JSON Patch as Amazon applies it to top-level attributes (merge matches on selectors). */
function applyPatches(attributes, patches) {
  for (const p of patches) {
    const name = p.path.replace(/^\/attributes\//, '')

    if (p.op === 'delete') delete attributes[name]
    else if (p.op === 'merge') {
      const current = attributes[name] || []

      for (const v of p.value) {
        const selector = Object.keys(v).filter(
          (k) =>
            k === 'marketplace_id' || k.endsWith('_code') || k === 'currency'
        )

        const match = current.find((c) => selector.every((k) => c[k] === v[k]))

        if (match) Object.assign(match, v)
        else current.push({ ...v })
      }

      attributes[name] = current
    } else attributes[name] = p.value
  }

  return attributes
}

module.exports = { Listings, applyPatches }

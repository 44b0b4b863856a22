'use strict'

/**
 * The listing attributes the emulator can judge, as Amazon's product type
 * definitions shape them (an array of values per attribute, each with its
 * `marketplace_id`, text with its `language_tag`). A bad value is an issue
 * with severity ERROR, which makes the submission INVALID, in Amazon's
 * words and codes (90220 missing, 4000001 invalid value). Attributes the
 * emulator does not know are accepted, as Amazon would for a product type
 * that has them.
 */
const LANG_RE = /^[a-z]{2}_[A-Z]{2}$/
const CONDITIONS = [
  'new_new',
  'new_open_box',
  'new_oem',
  'refurbished_refurbished',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'club_club',
]

const ID_TYPES = ['ean', 'upc', 'gtin', 'isbn', 'jan']

/** GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14). */
function validGtin(value) {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(value)) return false
  const digits = value.split('').map(Number)
  const check = digits.pop()
  const sum = digits
    .reverse()
    .reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0)

  return (10 - (sum % 10)) % 10 === check
}

const issue = (code, message, name, category) => ({
  code,
  message,
  severity: 'ERROR',
  attributeNames: [name],
  categories: [category],
})

const invalid = (name, label, detail) =>
  issue(
    '4000001',
    `The provided value for '${label}' is invalid.${
      detail ? ` ${detail}` : ''
    }`,
    name,
    'INVALID_ATTRIBUTE'
  )

const missing = (name) =>
  issue(
    '90220',
    `'${name}' is required but not supplied.`,
    name,
    'MISSING_ATTRIBUTE'
  )

const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v)
const text = (max) => (e) =>
  typeof e.value === 'string' &&
  e.value.trim().length > 0 &&
  e.value.length <= max &&
  LANG_RE.test(String(e.language_tag))

const https = (v) => typeof v === 'string' && /^https:\/\/\S+$/.test(v)

/** name → [label, check(entry) → true | detail string]. */
const CHECKS = {
  item_name: ['Item Name', text(200)],
  brand: ['Brand', text(100)],
  product_description: ['Product Description', text(2000)],
  part_number: [
    'Part Number',
    (e) => typeof e.value === 'string' && e.value.length <= 40,
  ],
  condition_type: ['Condition', (e) => CONDITIONS.includes(e.value)],
  externally_assigned_product_identifier: [
    'External Product ID',
    (e) =>
      (ID_TYPES.includes(e.type) &&
        (e.type === 'isbn'
          ? /^\d{9}[\dX]$|^\d{13}$/.test(String(e.value))
          : validGtin(String(e.value)))) ||
      `'${e.value}' is not a valid ${String(e.type).toUpperCase()}.`,
  ],
  supplier_declared_has_product_identifier_exemption: [
    'Product Identifier Exemption',
    (e) => typeof e.value === 'boolean',
  ],
  main_product_image_locator: [
    'Main Image Location',
    (e) => https(e.media_location),
  ],
  fulfillment_availability: [
    'Fulfillment Availability',
    (e) =>
      typeof e.fulfillment_channel_code === 'string' &&
      e.fulfillment_channel_code.length > 0 &&
      (e.quantity === undefined ||
        (Number.isInteger(e.quantity) && e.quantity >= 0)),
  ],
  purchasable_offer: [
    'Purchasable Offer',
    (e) =>
      /^[A-Z]{3}$/.test(String(e.currency)) &&
      Array.isArray(e.our_price) &&
      e.our_price.every(
        (p) =>
          isObj(p) &&
          Array.isArray(p.schedule) &&
          p.schedule.length > 0 &&
          p.schedule.every(
            (s) =>
              isObj(s) &&
              typeof s.value_with_tax === 'number' &&
              s.value_with_tax > 0
          )
      ),
  ],
}

for (let i = 1; i <= 8; i++)
  CHECKS[`other_product_image_locator_${i}`] = [
    `Other Image Location ${i}`,
    (e) => https(e.media_location),
  ]

/** Attributes that carry no marketplace_id (they apply to the seller's channel). */
const CHANNEL_WIDE = ['fulfillment_availability']

function checkAttribute(name, values, marketplaceIds) {
  const check = CHECKS[name]

  if (!Array.isArray(values) || !values.every(isObj))
    return [
      invalid(name, check ? check[0] : name, 'Expected a list of values.'),
    ]
  if (!check) return []
  const [label, ok] = check
  const issues = []

  for (const e of values) {
    const verdict = ok(e)

    if (verdict !== true)
      issues.push(
        invalid(name, label, typeof verdict === 'string' ? verdict : '')
      )
    else if (
      !CHANNEL_WIDE.includes(name) &&
      e.marketplace_id !== undefined &&
      !marketplaceIds.includes(e.marketplace_id)
    )
      issues.push(
        invalid(
          name,
          label,
          `Marketplace '${e.marketplace_id}' is not in the request.`
        )
      )
  }

  return issues
}

/** Issues of a putListingsItem body (required attributes for its requirements, values). */
function checkPut(body, marketplaceIds) {
  const attributes = isObj(body.attributes) ? body.attributes : {}
  const requirements = body.requirements || 'LISTING'
  const required = {
    LISTING: ['item_name', 'condition_type', 'purchasable_offer'],
    LISTING_PRODUCT_ONLY: ['item_name'],
    LISTING_OFFER_ONLY: ['condition_type', 'purchasable_offer'],
  }[requirements] || ['item_name']

  const issues = required.filter((n) => !(n in attributes)).map(missing)

  for (const [name, values] of Object.entries(attributes))
    issues.push(...checkAttribute(name, values, marketplaceIds))

  return issues
}

/** Issues of a patchListingsItem body's patches. */
function checkPatches(body, marketplaceIds) {
  const issues = []

  for (const p of body.patches) {
    const m = /^\/attributes\/([a-z0-9_]+)$/.exec(p.path)

    if (!m) {
      issues.push(
        invalid(
          p.path,
          p.path,
          'Only top-level attributes (/attributes/{name}) can be patched.'
        )
      )
      continue
    }

    if (p.op !== 'delete')
      issues.push(...checkAttribute(m[1], p.value, marketplaceIds))
  }

  return issues
}

module.exports = { checkPut, checkPatches, validGtin }

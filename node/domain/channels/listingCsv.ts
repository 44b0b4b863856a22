import type { FieldError, FieldErrorCode } from '../errors'
import { invalidFields } from '../errors'
import { csvRecords as records } from './csvRecords'

/**
 * The SKU ↔ listing CSV a store uploads for one marketplace (docs/channels.md):
 *
 *   skuId,listingId,variationId,userProductId
 *   1003,MLB1234567890,174433221100,MLBU998877
 *   1006,MLB1234567891,,
 *
 * `listingId` (the marketplace's listing: Mercado Livre item id, Amazon
 * seller SKU…) is required, with exactly one key column naming the VTEX SKU:
 * `skuId` (the SKU id), `refId` (the SKU's reference code) or `ean` (its
 * EAN) — a `refId` or `ean` row is matched to its SKU through the Catalog
 * (domain/channels/listingKeys.ts); `variationId` is optional; any other
 * column is kept as a listing attribute under its header name
 * (`userProductId`, `asin`, `productType`…). Headers are matched without case
 * for the known columns. UTF-8, comma-separated, RFC 4180 quotes.
 */
export const LISTING_CSV_LIMITS = {
  /** The whole file, in bytes. */
  maxBytes: 1_000_000,
  /** Data rows (blank lines are not counted). */
  maxRows: 5_000,
  /** Data rows of a file keyed by refId or ean: each distinct value is one Catalog call, within the request's time. */
  maxCatalogRows: 500,
  /** skuId is a VTEX SKU id: up to 18 digits. */
  maxIdLength: 100,
  maxAttributes: 10,
  maxAttributeLength: 200,
}

/** The column naming the VTEX SKU of each row. */
export type SkuKeyColumn = 'skuId' | 'refId' | 'ean'
export const SKU_KEY_COLUMNS: readonly SkuKeyColumn[] = [
  'skuId',
  'refId',
  'ean',
]

export interface ListingRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number
  /** Exactly one of skuId, refId, ean: the file's key column. */
  skuId?: string
  refId?: string
  ean?: string
  listingId: string
  variationId: string | null
  attributes: Record<string, string>
}

/** Why one row was refused: its line, the column, and a field code (`admin/marketplace-bridge.field.{code}`). */
export interface RowError {
  line: number
  field: string
  code: FieldErrorCode
  params?: Record<string, string | number>
}

const KNOWN = ['skuId', 'refId', 'ean', 'listingId', 'variationId'] as const
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

const blank = (fields: string[]) => fields.every((f) => f.trim() === '')

/**
 * Parses and validates the upload row by row. Every bad row gets its errors
 * (line, column, code) and is left out; good rows are kept. A file over the
 * size or row limits, without the required columns or not parseable is
 * refused as a whole (DomainError INVALID_LISTING_CSV, field `file` or
 * `header`), before any row is looked at.
 */
export function parseListingCsv(
  text: string,
  limits = LISTING_CSV_LIMITS
): { rows: ListingRow[]; errors: RowError[] } {
  const bytes = Buffer.byteLength(text, 'utf8')

  if (bytes > limits.maxBytes)
    throw invalidFields(
      'INVALID_LISTING_CSV',
      `The file has ${bytes} bytes; at most ${limits.maxBytes} are accepted.`,
      [{ field: 'file', code: 'TOO_LONG', params: { max: limits.maxBytes } }]
    )

  const all = records(text.replace(/^\uFEFF/, ''))
  const headerAt = all.findIndex((r) => !blank(r.fields))

  if (headerAt < 0)
    throw invalidFields('INVALID_LISTING_CSV', 'The file is empty.', [
      { field: 'file', code: 'REQUIRED' },
    ])

  const header = all[headerAt].fields.map((h) => h.trim())
  const columns = header.map(
    (h) => KNOWN.find((k) => k.toLowerCase() === h.toLowerCase()) ?? h
  )

  const keys = SKU_KEY_COLUMNS.filter((k) => columns.includes(k))
  const headerErrors: FieldError[] = [
    ...(keys.length === 0
      ? [
          {
            field: 'header',
            code: 'REQUIRED' as const,
            params: { column: 'skuId' },
          },
        ]
      : []),
    ...(columns.includes('listingId')
      ? []
      : [
          {
            field: 'header',
            code: 'REQUIRED' as const,
            params: { column: 'listingId' },
          },
        ]),
    ...keys.slice(1).map((k) => ({
      field: 'header',
      code: 'NOT_ALLOWED' as const,
      params: { column: k },
    })),
    ...columns
      .filter((c, i) => columns.indexOf(c) !== i)
      .map((c) => ({
        field: 'header',
        code: 'DUPLICATE' as const,
        params: { column: c },
      })),
    ...columns
      .filter(
        (c) =>
          !(KNOWN as readonly string[]).includes(c) && !ATTRIBUTE_NAME.test(c)
      )
      .map((c) => ({
        field: 'header',
        code: 'INVALID_FORMAT' as const,
        params: { column: c },
      })),
    ...(columns.filter((c) => !(KNOWN as readonly string[]).includes(c))
      .length > limits.maxAttributes
      ? [
          {
            field: 'header',
            code: 'TOO_MANY' as const,
            params: { max: limits.maxAttributes },
          },
        ]
      : []),
  ]

  if (headerErrors.length)
    throw invalidFields(
      'INVALID_LISTING_CSV',
      'The header must name one of the columns skuId, refId or ean, and listingId (variationId and attribute columns are optional), each once.',
      headerErrors
    )

  const [key] = keys
  const data = all.slice(headerAt + 1).filter((r) => !blank(r.fields))
  const maxRows = key === 'skuId' ? limits.maxRows : limits.maxCatalogRows

  if (data.length > maxRows)
    throw invalidFields(
      'INVALID_LISTING_CSV',
      `The file has ${
        data.length
      } rows; at most ${maxRows} are accepted per upload${
        key === 'skuId' ? '' : ` keyed by ${key}`
      }.`,
      [{ field: 'file', code: 'TOO_MANY', params: { max: maxRows } }]
    )

  const rows: ListingRow[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()

  for (const { line, fields } of data) {
    const rowErrors: RowError[] = []
    const fail = (
      field: string,
      code: FieldErrorCode,
      params?: RowError['params']
    ) => rowErrors.push({ line, field, code, ...(params ? { params } : {}) })

    if (fields.length !== columns.length) {
      fail('row', 'INVALID_FORMAT', {
        expected: columns.length,
        got: fields.length,
      })
      errors.push(...rowErrors)
      continue
    }

    const value = (c: string) => (fields[columns.indexOf(c)] ?? '').trim()
    const skuKey = value(key)
    const listingId = value('listingId')
    const variationId = columns.includes('variationId')
      ? value('variationId')
      : ''

    if (!skuKey) fail(key, 'REQUIRED')
    else if (key === 'skuId' && !/^\d{1,18}$/.test(skuKey))
      fail(key, 'INVALID_FORMAT')
    else if (skuKey.length > limits.maxIdLength)
      fail(key, 'TOO_LONG', { max: limits.maxIdLength })
    else if (CONTROL.test(skuKey)) fail(key, 'INVALID_FORMAT')

    for (const [name, v, required] of [
      ['listingId', listingId, true],
      ['variationId', variationId, false],
    ] as const) {
      if (!v) {
        if (required) fail(name, 'REQUIRED')
      } else if (v.length > limits.maxIdLength)
        fail(name, 'TOO_LONG', { max: limits.maxIdLength })
      else if (CONTROL.test(v)) fail(name, 'INVALID_FORMAT')
    }

    const attributes: Record<string, string> = {}

    for (const c of columns) {
      if ((KNOWN as readonly string[]).includes(c)) continue
      const v = value(c)

      if (v.length > limits.maxAttributeLength)
        fail(c, 'TOO_LONG', { max: limits.maxAttributeLength })
      else if (CONTROL.test(v)) fail(c, 'INVALID_FORMAT')
      else if (v) attributes[c] = v
    }

    const pair = `${listingId}\u0000${variationId}`

    if (listingId && seen.has(pair))
      fail('listingId', 'DUPLICATE', { line: seen.get(pair)! })

    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }

    seen.set(pair, line)
    rows.push({
      line,
      [key]: skuKey,
      listingId,
      variationId: variationId || null,
      attributes,
    })
  }

  return { rows, errors }
}

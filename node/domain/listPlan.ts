import type { BulkFilter } from './bulk'
import { CAUSE_ID_RE } from './causes'
import { invalidArgument } from './errors'
import {
  abnormalFilter,
  causeFilter,
  entityFilter,
  statusFilter,
} from './layout'
import type { LogStatus } from './log'
import { LOG_STATUSES, isLogStatus, validateMarketplace } from './log'
import type { Row } from './rows'
import { matchesSearch, parseSearch } from './search'
import { hasCause } from './statusModel'
import type { Tab } from './tabs'
import { parseTab } from './tabs'
import { coverPrefixes, inRange, orderRangeOf } from './timeRange'

/** A SKU a searched listing id stands for, on the marketplace holding the listing (domain/listingSearch.ts). */
export interface ListedSku {
  marketplace: string
  skuId: string
}

export interface LogFilter {
  tab: Tab
  status?: LogStatus | null
  marketplace?: string | null
  /** A SKU, product or order id, or its start (domain/search.ts). */
  search?: string | null
  /** Strict ISO 8601, inclusive (domain/dates.ts). */
  from?: string | null
  to?: string | null
  abnormalOnly?: boolean | null
  /** An error cause id (errorGroups). */
  cause?: string | null
  /**
   * The SKUs the searched term stands for as a listing id
   * (domain/listingSearch.ts): the search then finds the term as an exact id
   * or these SKUs' logs on their marketplace.
   */
  listedSkus?: readonly ListedSku[] | null
}

/** The admin's filter fields (domain/bulk.ts) with the tab, as they arrive. */
export interface FilterArgs extends BulkFilter {
  tab: string
}

/**
 * What the admin sent (GraphQL arguments, CSV query, a bulk action's filter)
 * → a store filter. Every field is checked here, before anything is read:
 * a bad search is INVALID_SEARCH, bad dates INVALID_DATE_RANGE.
 */
export function parseLogFilter(args: FilterArgs): LogFilter {
  if (args.status != null && !isLogStatus(args.status))
    throw invalidArgument(`Unknown status "${args.status}".`)
  const marketplace = args.marketplace
    ? validateMarketplace(args.marketplace)
    : null

  const search = parseSearch(args.search)

  orderRangeOf({ from: args.from, to: args.to })
  if (args.cause && !CAUSE_ID_RE.test(args.cause)) {
    throw invalidArgument(`Invalid cause "${args.cause}".`)
  }

  return {
    tab: parseTab(args.tab),
    status: args.status ?? null,
    marketplace,
    search: search?.term ?? null,
    from: args.from || null,
    to: args.to || null,
    abnormalOnly: Boolean(args.abnormalOnly),
    cause: args.cause || null,
  }
}

/** How a filter is listed (services/logListing.ts reads it). */
export interface ListPlan {
  /** Index folders merged newest first (one, or the three status folders). */
  folders: string[]
  /** Order-key prefixes of a date range, listed inside each folder. */
  cover: string[] | null
  /** What a listed row must still satisfy (checked in memory). */
  keep: (row: Row) => boolean
  /** The filter a cursor belongs to. */
  key: string
  /**
   * A prefix search: the `e.{id}` folders of every id starting with it are
   * listed at once first; when they hold too many entries for one listing,
   * the folders above are read instead, keeping the ids that match.
   */
  prefix: string | null
}

/**
 * Which index folders answer a filter (the fewest, so a page is at most three
 * listings) and what must still be checked in memory.
 */
export function planListing(f: LogFilter): ListPlan {
  const parsed = parseLogFilter(f)
  const { status, marketplace, cause } = parsed
  const abnormalOnly = Boolean(parsed.abnormalOnly)
  const search = parseSearch(parsed.search)
  const range = orderRangeOf({ from: parsed.from, to: parsed.to })
  const listed = search && f.listedSkus?.length ? f.listedSkus : null
  let folders: string[]

  if (search && listed)
    folders = [...new Set([search.term, ...listed.map((l) => l.skuId)])].map(
      entityFilter
    )
  else if (search && !search.prefix) folders = [entityFilter(search.term)]
  else if (cause) folders = [causeFilter(cause)]
  else if (abnormalOnly) folders = [abnormalFilter(marketplace)]
  else if (status) folders = [statusFilter(status, marketplace)]
  else folders = LOG_STATUSES.map((s) => statusFilter(s, marketplace))

  const keep = (row: Row) =>
    (!status || row.status === status) &&
    (!marketplace || row.marketplace === marketplace) &&
    (!abnormalOnly || row.abnormal) &&
    (!cause || (hasCause(row.status) && row.cause === cause)) &&
    (!search ||
      (listed
        ? row.entityId === search.term ||
          row.alias === search.term ||
          listed.some(
            (l) => l.skuId === row.entityId && l.marketplace === row.marketplace
          )
        : matchesSearch(row.entityId, search) ||
          Boolean(row.alias && matchesSearch(row.alias, search)))) &&
    inRange(row.order, range)

  const key = JSON.stringify([
    parsed.tab,
    status ?? null,
    marketplace,
    search?.term ?? null,
    cause,
    abnormalOnly,
    range?.lo ?? null,
    range?.hi ?? null,
    ...(listed ? [listed.map((l) => `${l.marketplace}/${l.skuId}`)] : []),
  ])

  return {
    folders,
    cover: range ? coverPrefixes(range) : null,
    keep,
    key,
    prefix: search?.prefix && !listed ? search.term : null,
  }
}

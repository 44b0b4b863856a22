import { invalidArgument } from './errors'

/** The three integration flows the admin shows as tabs. */
export const TABS = ['PRODUCTS', 'INVENTORY', 'TRACKING'] as const
export type Tab = (typeof TABS)[number]

export const isTab = (value: unknown): value is Tab =>
  typeof value === 'string' && (TABS as readonly string[]).includes(value)

export function parseTab(value: unknown): Tab {
  if (!isTab(value)) {
    throw invalidArgument(
      `Unknown tab "${String(value)}": expected one of ${TABS.join(', ')}.`
    )
  }

  return value
}

import { useIntl } from 'react-intl'

import type { MarketplaceForm } from './settingsForm'

/** What MarketplaceFields hands a kind's section (Mercado Livre, Amazon, partner connector). */
export interface KindSectionProps {
  index: number
  market: MarketplaceForm
  onChange: (patch: Partial<MarketplaceForm>) => void
  errorOf: (input: string) => string | undefined
}

/**
 * What every kind's section needs: its messages, its fields' errors (the
 * server names them `marketplaces.{index}.{key}`), its saved config, a
 * setter that changes one config key and one that types a write-only secret.
 */
export function useKindSection({
  index,
  market,
  onChange,
  errorOf,
}: KindSectionProps) {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const at = (key: string) => errorOf(`marketplaces.${index}.${key}`)
  const config = market.kindConfig
  const set = (key: string, value: unknown) =>
    onChange({ kindConfig: { ...config, [key]: value } })

  const setSecret = (key: string, value: string) =>
    onChange({ secrets: { ...market.secrets, [key]: value } })

  return { t, at, config, set, setSecret }
}

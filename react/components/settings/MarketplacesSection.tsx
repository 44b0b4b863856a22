import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Inline } from '@vtex/admin-ui'

import { useVtexChannels } from '../../hooks/useVtexChannels'
import MarketplaceFields from './MarketplaceFields'
import Section from './Section'
import type { SettingsFormState } from './useSettingsForm'

/** The marketplaces the bridge sends to (at most 20), added and removed here. */
const MarketplacesSection = ({ s }: { s: SettingsFormState }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const form = s.form!
  const listError = s.errorOf('marketplaces')
  const channels = useVtexChannels()

  return (
    <Section title={t('settings.marketplaces')}>
      {listError ? (
        <Alert variant="critical" data-testid="marketplaces-error">
          {listError}
        </Alert>
      ) : null}
      {form.marketplaces.map((m, i) => (
        <MarketplaceFields
          key={i}
          index={i}
          market={m}
          errorOf={s.errorOf}
          channels={channels}
          onChange={(patch) => s.setMarket(i, patch)}
          onRemove={() => s.removeMarket(i)}
        />
      ))}
      <Inline>
        <Button variant="secondary" onClick={() => s.addMarket()}>
          {t('settings.marketplace.add')}
        </Button>
      </Inline>
    </Section>
  )
}

export default MarketplacesSection

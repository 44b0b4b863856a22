import React, { useState } from 'react'
import { Inline, Stack, TextInput } from '@vtex/admin-ui'

import MercadoLivreConnection from './MercadoLivreConnection'
import { listFieldError } from './listFieldError'
import { categoriesOf, categoriesText } from './mercadoLivreForm'
import SecretInput from './SecretInput'
import type { KindSectionProps } from './useKindSection'
import { useKindSection } from './useKindSection'

const CATEGORY_FIELDS = ['vtexCategoryId', 'mlCategoryId', 'listingTypeId']

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * A Mercado Livre marketplace (docs/marketplaces/mercadolivre.md): the
 * application's App ID and Secret Key, the site, the redirect URI, which
 * Mercado Livre category each VTEX category is listed in (listings are
 * created only for mapped categories), and the connection
 * (MercadoLivreConnection: Conectar / Desconectar).
 */
const MercadoLivreFields = (props: KindSectionProps) => {
  const { market } = props
  const { t, at, config, set, setSecret } = useKindSection(props)

  // Typed as text, sent as the list it stands for; the saved list keeps its listing types.
  const [saved] = useState(() => config.categories)
  const [categories, setCategories] = useState(() =>
    categoriesText(config.categories)
  )

  return (
    <Stack space="$space-2" data-testid="settings-mercadolivre">
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.ml.clientId')}
          value={str(config.clientId)}
          error={Boolean(at('clientId'))}
          errorText={at('clientId')}
          onChange={(e) => set('clientId', e.target.value)}
        />
        <SecretInput
          label={t('settings.ml.clientSecret')}
          help={t(
            config.clientSecretSet
              ? 'settings.secret.saved'
              : 'settings.secret.none'
          )}
          value={market.secrets.clientSecret ?? ''}
          error={at('clientSecret')}
          onChange={(v) => setSecret('clientSecret', v)}
        />
        <TextInput
          label={t('settings.ml.siteId')}
          value={str(config.siteId)}
          error={Boolean(at('siteId'))}
          errorText={at('siteId')}
          onChange={(e) => set('siteId', e.target.value.toUpperCase())}
        />
        <TextInput
          label={t('settings.ml.redirectUri')}
          helpText={t('settings.ml.redirectUri.help')}
          value={str(config.redirectUri)}
          error={Boolean(at('redirectUri'))}
          errorText={at('redirectUri')}
          onChange={(e) => set('redirectUri', e.target.value)}
        />
      </Inline>
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.ml.categories')}
          helpText={t('settings.ml.categories.help')}
          value={categories}
          data-testid="ml-categories"
          error={Boolean(listFieldError(at, 'categories', CATEGORY_FIELDS))}
          errorText={listFieldError(at, 'categories', CATEGORY_FIELDS)}
          onChange={(e) => {
            setCategories(e.target.value)
            set('categories', categoriesOf(e.target.value, saved))
          }}
        />
      </Inline>
      <MercadoLivreConnection
        marketplaceId={market.id}
        name={market.name || market.id}
        isNew={market.isNew}
      />
    </Stack>
  )
}

export default MercadoLivreFields

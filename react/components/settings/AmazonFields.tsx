import React, { useState } from 'react'
import { Inline, Select, Stack, TextInput } from '@vtex/admin-ui'

import { listFieldError } from './listFieldError'
import SecretInput from './SecretInput'
import {
  AMAZON_REGIONS,
  idsOf,
  idsText,
  productTypesOf,
  productTypesText,
} from './amazonForm'
import type { KindSectionProps } from './useKindSection'
import { useKindSection } from './useKindSection'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

const PRODUCT_TYPE_FIELDS = ['categoryId', 'productType']

const SECRETS = ['lwaClientId', 'lwaClientSecret', 'lwaRefreshToken'] as const

/**
 * An Amazon marketplace (docs/marketplaces/amazon.md): the region, the
 * seller's Merchant Token, the Amazon stores it sells in, the app's Login
 * with Amazon credentials (write-only: left empty, the saved ones stay) and
 * which Amazon product type each VTEX category is.
 */
const AmazonFields = (props: KindSectionProps) => {
  const { market } = props
  const { t, at, config, set, setSecret } = useKindSection(props)

  // Typed as text, sent as the list it stands for.
  const [ids, setIds] = useState(() => idsText(config.marketplaceIds))
  const [types, setTypes] = useState(() =>
    productTypesText(config.productTypes)
  )

  return (
    <Stack space="$space-2" data-testid="settings-amazon">
      <Inline hSpace="$space-3" vSpace="$space-2">
        <Select
          label={t('settings.amazon.region')}
          value={str(config.region)}
          data-testid="amazon-region"
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) =>
            set('region', e.target.value)
          }
        >
          {AMAZON_REGIONS.map((r) => (
            <option key={r} value={r}>
              {t(`settings.amazon.region.${r}`)}
            </option>
          ))}
        </Select>
        <TextInput
          label={t('settings.amazon.sellerId')}
          helpText={t('settings.amazon.sellerId.help')}
          value={str(config.sellerId)}
          error={Boolean(at('sellerId'))}
          errorText={at('sellerId')}
          onChange={(e) => set('sellerId', e.target.value.toUpperCase())}
        />
        <TextInput
          label={t('settings.amazon.marketplaceIds')}
          helpText={t('settings.amazon.marketplaceIds.help')}
          value={ids}
          error={Boolean(listFieldError(at, 'marketplaceIds'))}
          errorText={listFieldError(at, 'marketplaceIds')}
          onChange={(e) => {
            setIds(e.target.value)
            set('marketplaceIds', idsOf(e.target.value))
          }}
        />
      </Inline>
      <Inline hSpace="$space-3" vSpace="$space-2">
        {SECRETS.map((key) => (
          <SecretInput
            key={key}
            label={t(`settings.amazon.${key}`)}
            help={t(
              config[`${key}Set`]
                ? 'settings.secret.saved'
                : 'settings.secret.none'
            )}
            value={market.secrets[key] ?? ''}
            error={at(key)}
            testId={`amazon-${key}`}
            onChange={(v) => setSecret(key, v)}
          />
        ))}
      </Inline>
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.amazon.productTypes')}
          helpText={t('settings.amazon.productTypes.help')}
          value={types}
          error={Boolean(
            listFieldError(at, 'productTypes', PRODUCT_TYPE_FIELDS)
          )}
          errorText={listFieldError(at, 'productTypes', PRODUCT_TYPE_FIELDS)}
          onChange={(e) => {
            setTypes(e.target.value)
            set('productTypes', productTypesOf(e.target.value))
          }}
        />
      </Inline>
    </Stack>
  )
}

export default AmazonFields

import React from 'react'
import { useIntl } from 'react-intl'
import {
  Button,
  Checkbox,
  Inline,
  Select,
  Stack,
  TextInput,
  csx,
} from '@vtex/admin-ui'

import type { VtexChannels } from '../../hooks/useVtexChannels'
import ChannelFields from './ChannelFields'
import type { MarketplaceForm } from './settingsForm'
import MercadoLivreFields from './MercadoLivreFields'
import AmazonFields from './AmazonFields'
import PartnerFields from './PartnerFields'
import SecretInput from './SecretInput'

const TABS = ['products', 'inventory', 'tracking'] as const

/** Kinds a new marketplace can be (the settings page edits these). */
const KINDS = ['custom', 'mercadolivre', 'amazon', 'partner'] as const

/** A new marketplace's kind config to start from. */
const START_CONFIG: Record<string, Record<string, unknown>> = {
  custom: {},
  mercadolivre: { clientId: '', siteId: 'MLB', redirectUri: '' },
  // Brazil's store is in the North America region.
  amazon: {
    region: 'NA',
    sellerId: '',
    marketplaceIds: ['A2Q3Y263D00KWC'],
    productTypes: [],
  },
  partner: { logBaseUrl: '', auth: 'appKey', appKey: '', lookbackDays: 2 },
}

const fieldset = csx({ border: 'none', margin: 0, padding: 0 })

interface Props {
  index: number
  market: MarketplaceForm
  onChange: (patch: Partial<MarketplaceForm>) => void
  onRemove: () => void
  errorOf: (input: string) => string | undefined
  /** The account's affiliates and trade policies (null while loading). */
  channels: VtexChannels | null
}

/** One marketplace: id, name, connector URL, token, and the tabs it receives. */
const MarketplaceFields = ({
  index,
  market,
  onChange,
  onRemove,
  errorOf,
  channels,
}: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const name =
    market.name ||
    market.id ||
    t('settings.marketplace.unnamed', { n: String(index + 1) })

  const at = (key: string) => errorOf(`marketplaces.${index}.${key}`)

  return (
    <Stack space="$space-2" data-testid="settings-marketplace">
      <Inline hSpace="$space-3" vSpace="$space-2">
        {market.isNew ? (
          <Select
            label={t('settings.marketplace.kind')}
            value={market.kind}
            data-testid="settings-marketplace-kind"
            onChange={(e) =>
              onChange({
                kind: e.target.value,
                kindConfig: { ...(START_CONFIG[e.target.value] ?? {}) },
                secrets: {},
              })
            }
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`settings.kind.${k}`)}
              </option>
            ))}
          </Select>
        ) : null}
        <TextInput
          label={t('settings.marketplace.id')}
          value={market.id}
          disabled={!market.isNew}
          error={Boolean(at('id'))}
          errorText={at('id')}
          onChange={(e) => onChange({ id: e.target.value })}
        />
        <TextInput
          label={t('settings.marketplace.name')}
          value={market.name}
          error={Boolean(at('name'))}
          errorText={at('name')}
          data-testid="settings-marketplace-name"
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {market.kind === 'custom' ? (
          <>
            <TextInput
              label={t('settings.marketplace.baseUrl')}
              value={market.baseUrl}
              error={Boolean(at('baseUrl') ?? at('connector'))}
              errorText={at('baseUrl') ?? at('connector')}
              onChange={(e) => onChange({ baseUrl: e.target.value })}
            />
            <SecretInput
              label={t('settings.marketplace.token')}
              help={t(
                market.hasToken
                  ? 'settings.secret.saved'
                  : 'settings.secret.none'
              )}
              value={market.token}
              error={at('token')}
              onChange={(v) => onChange({ token: v })}
            />
          </>
        ) : null}
      </Inline>
      <ChannelFields
        name={name}
        affiliateId={market.affiliateId ?? ''}
        salesChannel={market.salesChannel ?? ''}
        channels={channels}
        errorOf={at}
        onChange={onChange}
      />
      {market.kind === 'mercadolivre' ? (
        <MercadoLivreFields
          index={index}
          market={market}
          onChange={onChange}
          errorOf={errorOf}
        />
      ) : null}
      {market.kind === 'amazon' ? (
        <AmazonFields
          index={index}
          market={market}
          onChange={onChange}
          errorOf={errorOf}
        />
      ) : null}
      {market.kind === 'partner' ? (
        <PartnerFields
          index={index}
          market={market}
          onChange={onChange}
          errorOf={errorOf}
        />
      ) : null}
      <Inline hSpace="$space-4" className={csx({ alignItems: 'center' })}>
        <fieldset className={fieldset}>
          <legend className={csx({ text: '$detail', color: '$secondary' })}>
            {t('settings.marketplace.tabs', { name })}
          </legend>
          <Inline hSpace="$space-4">
            {TABS.map((k) => (
              <Checkbox
                key={k}
                label={t(`settings.marketplace.${k}`)}
                checked={market[k]}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  onChange({ [k]: e.target.checked })
                }
              />
            ))}
          </Inline>
        </fieldset>
        <Button
          variant="criticalTertiary"
          aria-label={t('settings.marketplace.removeNamed', { name })}
          onClick={onRemove}
        >
          {t('settings.marketplace.remove')}
        </Button>
      </Inline>
    </Stack>
  )
}

export default MarketplaceFields

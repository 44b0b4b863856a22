import React, { useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Inline, Stack, Text, TextInput } from '@vtex/admin-ui'

import CONNECT from '../../graphql/connectMercadoLivre.graphql'
import CONNECTION from '../../graphql/marketplaceConnection.graphql'
import type {
  ConnectMercadoLivreMutation,
  ConnectMercadoLivreMutationVariables,
  MarketplaceConnectionQuery,
  MarketplaceConnectionQueryVariables,
} from '../../graphql/generated'
import { useErrorText } from '../../hooks/useErrorText'
import SecretInput from './SecretInput'
import type { MarketplaceForm } from './settingsForm'

interface Props {
  index: number
  market: MarketplaceForm
  onChange: (patch: Partial<MarketplaceForm>) => void
  errorOf: (input: string) => string | undefined
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * A Mercado Livre marketplace (docs/marketplaces/mercadolivre.md): the
 * application's App ID and Secret Key, the site, the redirect URI, and the
 * connection — "Conectar" sends the admin to Mercado Livre's authorization
 * page; the seller comes back connected (saved marketplaces only).
 */
const MercadoLivreFields = ({ index, market, onChange, errorOf }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const { errorText } = useErrorText()
  const [failure, setFailure] = useState<string | null>(null)
  const at = (key: string) => errorOf(`marketplaces.${index}.${key}`)
  const config = market.kindConfig
  const set = (key: string, value: string) =>
    onChange({ kindConfig: { ...config, [key]: value } })

  const { data } = useQuery<
    MarketplaceConnectionQuery,
    MarketplaceConnectionQueryVariables
  >(CONNECTION, {
    variables: { marketplaceId: market.id },
    skip: market.isNew,
    fetchPolicy: 'cache-and-network',
  })

  const [connect, { loading }] = useMutation<
    ConnectMercadoLivreMutation,
    ConnectMercadoLivreMutationVariables
  >(CONNECT)

  const connection = data?.marketplaceConnection
  const state = connection?.state ?? 'NOT_CONNECTED'

  const start = () => {
    setFailure(null)
    connect({ variables: { marketplaceId: market.id } })
      .then((r) => {
        const url = r.data?.connectMercadoLivre

        // Mercado Livre's page, then back to the app's route and this page.
        if (url) window.location.assign(url)
      })
      .catch((e: unknown) => setFailure(errorText(e)))
  }

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
          onChange={(v) =>
            onChange({ secrets: { ...market.secrets, clientSecret: v } })
          }
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
        <Text data-testid="ml-connection" data-state={state}>
          {t(`settings.ml.state.${state}`, {
            sellerId: connection?.sellerId ?? '',
            siteId: connection?.siteId ?? '',
          })}
        </Text>
        <Button
          variant="secondary"
          disabled={market.isNew || loading}
          onClick={start}
          data-testid="ml-connect"
        >
          {t(
            state === 'CONNECTED'
              ? 'settings.ml.reconnect'
              : 'settings.ml.connect'
          )}
        </Button>
        {market.isNew ? (
          <Text tone="secondary">{t('settings.ml.saveFirst')}</Text>
        ) : null}
      </Inline>
      {failure ? (
        <Text tone="critical" role="alert">
          {failure}
        </Text>
      ) : null}
    </Stack>
  )
}

export default MercadoLivreFields

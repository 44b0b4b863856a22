import React, { useRef, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Inline, Stack, Text } from '@vtex/admin-ui'

import CONNECT from '../../graphql/connectMercadoLivre.graphql'
import DISCONNECT from '../../graphql/disconnectMercadoLivre.graphql'
import CONNECTION from '../../graphql/marketplaceConnection.graphql'
import type {
  ConnectMercadoLivreMutation,
  ConnectMercadoLivreMutationVariables,
  DisconnectMercadoLivreMutation,
  DisconnectMercadoLivreMutationVariables,
  MarketplaceConnectionQuery,
  MarketplaceConnectionQueryVariables,
} from '../../graphql/generated'
import { useConfirm } from '../../hooks/useConfirm'
import { useErrorText } from '../../hooks/useErrorText'
import ConfirmDialog from '../ConfirmDialog'

interface Props {
  marketplaceId: string
  name: string
  /** Not saved yet: nothing to connect. */
  isNew: boolean
}

/**
 * A Mercado Livre marketplace's connection: its state, "Conectar" (to
 * Mercado Livre's authorization page and back) and "Desconectar", which asks
 * first and then answers the connection as it now is (the API revokes it at
 * once and tells Mercado Livre, best-effort).
 */
const MercadoLivreConnection = ({ marketplaceId, name, isNew }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const { errorText } = useErrorText()
  const [failure, setFailure] = useState<string | null>(null)
  const confirm = useConfirm()
  const disconnectButton = useRef<HTMLButtonElement>(null)
  const variables = { marketplaceId }

  const { data } = useQuery<
    MarketplaceConnectionQuery,
    MarketplaceConnectionQueryVariables
  >(CONNECTION, { variables, skip: isNew, fetchPolicy: 'cache-and-network' })

  const [connect, { loading: connecting }] = useMutation<
    ConnectMercadoLivreMutation,
    ConnectMercadoLivreMutationVariables
  >(CONNECT)

  const [disconnect, { loading: disconnecting }] = useMutation<
    DisconnectMercadoLivreMutation,
    DisconnectMercadoLivreMutationVariables
  >(DISCONNECT, {
    update: (cache, result) => {
      const now = result.data?.disconnectMercadoLivre

      if (now)
        cache.writeQuery<MarketplaceConnectionQuery>({
          query: CONNECTION,
          variables,
          data: { marketplaceConnection: now },
        })
    },
  })

  const connection = data?.marketplaceConnection
  const state = connection?.state ?? 'NOT_CONNECTED'
  const disconnected =
    state === 'REVOKED' && connection?.revokedReason === 'DISCONNECTED'

  const start = () => {
    setFailure(null)
    connect({ variables })
      .then((r) => {
        const url = r.data?.connectMercadoLivre

        // Mercado Livre's page, then back to the app's route and this page.
        if (url) window.location.assign(url)
      })
      .catch((e: unknown) => setFailure(errorText(e)))
  }

  const askDisconnect = () =>
    confirm.ask(
      {
        title: t('settings.ml.disconnect.title', { name }),
        message: t('settings.ml.disconnect.message'),
        action: t('settings.ml.disconnect'),
        critical: true,
        run: () => {
          setFailure(null)
          disconnect({ variables }).catch((e: unknown) =>
            setFailure(errorText(e))
          )
        },
      },
      disconnectButton.current
    )

  return (
    <Stack space="$space-2">
      <Inline hSpace="$space-3" vSpace="$space-2">
        <Text data-testid="ml-connection" data-state={state}>
          {t(`settings.ml.state.${disconnected ? 'DISCONNECTED' : state}`, {
            sellerId: connection?.sellerId ?? '',
            siteId: connection?.siteId ?? '',
          })}
        </Text>
        <Button
          variant="secondary"
          disabled={isNew || connecting}
          onClick={start}
          data-testid="ml-connect"
        >
          {t(
            state === 'CONNECTED'
              ? 'settings.ml.reconnect'
              : 'settings.ml.connect'
          )}
        </Button>
        {state === 'CONNECTED' ? (
          <Button
            ref={disconnectButton}
            variant="criticalSecondary"
            disabled={disconnecting}
            onClick={askDisconnect}
            data-testid="ml-disconnect"
          >
            {t('settings.ml.disconnect')}
          </Button>
        ) : null}
        {isNew ? (
          <Text tone="secondary">{t('settings.ml.saveFirst')}</Text>
        ) : null}
      </Inline>
      {disconnected && connection?.marketplaceRevoked === false ? (
        <Text tone="secondary" data-testid="ml-not-told">
          {t('settings.ml.disconnect.notTold')}
        </Text>
      ) : null}
      {failure ? (
        <Text tone="critical" role="alert">
          {failure}
        </Text>
      ) : null}
      <ConfirmDialog confirm={confirm} />
    </Stack>
  )
}

export default MercadoLivreConnection

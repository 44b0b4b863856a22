import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, Inline, Select, Stack } from '@vtex/admin-ui'

import type { VtexChannels } from '../../hooks/useVtexChannels'

interface Props {
  /** The marketplace's display name (control names say which marketplace they set). */
  name: string
  affiliateId: string
  salesChannel: string
  channels: VtexChannels | null
  onChange: (patch: { affiliateId?: string; salesChannel?: string }) => void
  errorOf: (key: 'affiliateId' | 'salesChannel') => string | undefined
}

/**
 * A marketplace's channel: its VTEX affiliate and trade policy, chosen from
 * what the account has (docs/channels.md). Choosing an affiliate picks its
 * trade policy. A value saved earlier that VTEX no longer lists stays shown
 * (the save then says what is wrong with it).
 */
const ChannelFields = ({
  name,
  affiliateId,
  salesChannel,
  channels,
  onChange,
  errorOf,
}: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const affiliates = channels?.affiliates ?? []
  const tradePolicies = channels?.salesChannels ?? []
  const listError = (error: string | null | undefined) =>
    error ? t(`settings.channel.listError.${error}`) : undefined

  const keep = <T extends { id: string }>(list: T[], value: string) =>
    value && !list.some((x) => x.id === value)

  return (
    <Stack space="$space-2" data-testid="settings-marketplace-channel">
      <Inline hSpace="$space-3" vSpace="$space-2">
        <Select
          label={t('settings.channel.affiliate', { name })}
          value={affiliateId}
          disabled={!channels}
          error={Boolean(errorOf('affiliateId'))}
          errorText={
            errorOf('affiliateId') ?? listError(channels?.affiliatesError)
          }
          helpText={t('settings.channel.affiliateHelp')}
          data-testid="settings-affiliate"
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) => {
            const chosen = affiliates.find((a) => a.id === e.target.value)

            onChange({
              affiliateId: e.target.value,
              ...(chosen ? { salesChannel: chosen.salesChannel } : {}),
            })
          }}
        >
          <option value="">{t('settings.channel.none')}</option>
          {keep(affiliates, affiliateId) ? (
            <option value={affiliateId}>{affiliateId}</option>
          ) : null}
          {affiliates.map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.id} — ${a.name}`}
            </option>
          ))}
        </Select>
        <Select
          label={t('settings.channel.salesChannel', { name })}
          value={salesChannel}
          disabled={!channels}
          error={Boolean(errorOf('salesChannel'))}
          errorText={
            errorOf('salesChannel') ?? listError(channels?.salesChannelsError)
          }
          helpText={t('settings.channel.salesChannelHelp')}
          data-testid="settings-sales-channel"
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) =>
            onChange({ salesChannel: e.target.value })
          }
        >
          <option value="">{t('settings.channel.none')}</option>
          {keep(tradePolicies, salesChannel) ? (
            <option value={salesChannel}>{salesChannel}</option>
          ) : null}
          {tradePolicies.map((c) => (
            <option key={c.id} value={c.id} disabled={!c.isActive}>
              {`${c.id} — ${c.name} (${c.currencyCode})`}
            </option>
          ))}
        </Select>
      </Inline>
      {!affiliateId ? (
        <Alert variant="warning" data-testid="settings-no-affiliate">
          {t('settings.channel.noAffiliate', { name })}
        </Alert>
      ) : null}
    </Stack>
  )
}

export default ChannelFields

import React from 'react'
import { Inline, Select, Stack, TextInput } from '@vtex/admin-ui'

import SecretInput from './SecretInput'
import type { KindSectionProps } from './useKindSection'
import { useKindSection } from './useKindSection'

const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''

/**
 * A marketplace served by a partner's VTEX connector
 * (docs/marketplaces/partner-connectors.md): the connector's log endpoint
 * (`{urlBase}`, the bridge adds `/{account}/logs`), how to authenticate
 * there (app key and token, or a bearer token: write-only) and how many
 * days back each collection asks. The bridge sends it nothing.
 */
const PartnerFields = (props: KindSectionProps) => {
  const { market } = props
  const { t, at, config, set, setSecret } = useKindSection(props)

  const auth = str(config.auth) || 'appKey'
  const secret = (key: 'appToken' | 'bearerToken') => (
    <SecretInput
      label={t(`settings.partner.${key}`)}
      help={t(
        config[`${key}Set`] ? 'settings.secret.saved' : 'settings.secret.none'
      )}
      value={market.secrets[key] ?? ''}
      error={at(key)}
      testId={`partner-${key}`}
      onChange={(v) => setSecret(key, v)}
    />
  )

  return (
    <Stack space="$space-2" data-testid="settings-partner">
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.partner.logBaseUrl')}
          helpText={t('settings.partner.logBaseUrl.help')}
          value={str(config.logBaseUrl)}
          error={Boolean(at('logBaseUrl'))}
          errorText={at('logBaseUrl')}
          onChange={(e) => set('logBaseUrl', e.target.value)}
        />
        <TextInput
          label={t('settings.partner.lookbackDays')}
          type="number"
          value={str(config.lookbackDays)}
          error={Boolean(at('lookbackDays'))}
          errorText={at('lookbackDays')}
          onChange={(e) => set('lookbackDays', e.target.value)}
        />
      </Inline>
      <Inline hSpace="$space-3" vSpace="$space-2">
        <Select
          label={t('settings.partner.auth')}
          value={auth}
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) =>
            set('auth', e.target.value)
          }
        >
          <option value="appKey">{t('settings.partner.auth.appKey')}</option>
          <option value="bearer">{t('settings.partner.auth.bearer')}</option>
        </Select>
        {auth === 'appKey' ? (
          <>
            <TextInput
              label={t('settings.partner.appKey')}
              value={str(config.appKey)}
              error={Boolean(at('appKey'))}
              errorText={at('appKey')}
              onChange={(e) => set('appKey', e.target.value)}
            />
            {secret('appToken')}
          </>
        ) : (
          secret('bearerToken')
        )}
      </Inline>
    </Stack>
  )
}

export default PartnerFields

import React from 'react'
import { useIntl } from 'react-intl'
import { Inline, Text, TextInput } from '@vtex/admin-ui'

import SecretInput from './SecretInput'
import Section from './Section'
import type { SettingsFormState } from './useSettingsForm'

/** The carrier connector, how often and for how long it is asked, and the partner token. */
const CarrierSection = ({ s }: { s: SettingsFormState }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const form = s.form!
  const secretHelp = (has: boolean) =>
    t(has ? 'settings.secret.saved' : 'settings.secret.none')

  return (
    <Section title={t('settings.carrier')}>
      <Text tone="secondary">{t('settings.carrier.help')}</Text>
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.carrier.baseUrl')}
          value={form.carrierBaseUrl}
          error={Boolean(s.errorOf('carrierBaseUrl'))}
          errorText={s.errorOf('carrierBaseUrl')}
          onChange={(e) => s.set({ carrierBaseUrl: e.target.value })}
        />
        <SecretInput
          label={t('settings.carrier.token')}
          help={secretHelp(form.saved.hasCarrierToken)}
          value={form.carrierToken}
          error={s.errorOf('carrierToken')}
          onChange={(v) => s.set({ carrierToken: v })}
        />
        <TextInput
          type="number"
          label={t('settings.carrier.everyHours')}
          value={form.carrierRefreshHours}
          error={Boolean(s.errorOf('carrierRefreshHours'))}
          errorText={s.errorOf('carrierRefreshHours')}
          data-testid="settings-carrier-hours"
          onChange={(e) => s.set({ carrierRefreshHours: e.target.value })}
        />
        <TextInput
          type="number"
          label={t('settings.carrier.forDays')}
          value={form.carrierRefreshDays}
          error={Boolean(s.errorOf('carrierRefreshDays'))}
          errorText={s.errorOf('carrierRefreshDays')}
          data-testid="settings-carrier-days"
          onChange={(e) => s.set({ carrierRefreshDays: e.target.value })}
        />
      </Inline>
      <SecretInput
        label={t('settings.partnerToken')}
        help={`${t('settings.partnerToken.help')} ${secretHelp(
          form.saved.hasPartnerToken
        )}`}
        value={form.partnerToken}
        error={s.errorOf('partnerToken')}
        testId="settings-partner-token"
        onChange={(v) => s.set({ partnerToken: v })}
      />
    </Section>
  )
}

export default CarrierSection

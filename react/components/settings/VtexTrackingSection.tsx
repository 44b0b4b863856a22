import React from 'react'
import { useIntl } from 'react-intl'
import { Checkbox, Inline, TextInput } from '@vtex/admin-ui'

import SecretInput from './SecretInput'
import Section from './Section'
import type { SettingsFormState } from './useSettingsForm'

/** VTEX Tracking imports: on or off, its credentials (checked before saving), options. */
const VtexTrackingSection = ({ s }: { s: SettingsFormState }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const form = s.form!
  const { validatedAt, hasToken } = form.saved.vtexTracking
  const check =
    (
      key:
        | 'vtexTrackingEnabled'
        | 'vtexTrackingOnlyWithInvoiceFile'
        | 'vtexTrackingStatusUpdates'
    ) =>
    (e: React.ChangeEvent<HTMLInputElement>) =>
      s.set({ [key]: e.target.checked })

  return (
    <Section title={t('settings.vtexTracking')}>
      <Checkbox
        label={t('settings.vtexTracking.enabled')}
        checked={form.vtexTrackingEnabled}
        data-testid="settings-vtex-tracking-enabled"
        onChange={check('vtexTrackingEnabled')}
      />
      <Inline hSpace="$space-3" vSpace="$space-2">
        <TextInput
          label={t('settings.vtexTracking.username')}
          value={form.vtexTrackingUsername}
          error={Boolean(s.errorOf('vtexTrackingUsername'))}
          errorText={s.errorOf('vtexTrackingUsername')}
          onChange={(e) => s.set({ vtexTrackingUsername: e.target.value })}
        />
        <SecretInput
          label={t('settings.vtexTracking.token')}
          help={
            validatedAt
              ? t('settings.vtexTracking.validated', {
                  date: intl.formatDate(validatedAt, {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  } as Intl.DateTimeFormatOptions),
                })
              : t(hasToken ? 'settings.secret.saved' : 'settings.secret.none')
          }
          value={form.vtexTrackingToken}
          error={s.errorOf('vtexTrackingToken')}
          onChange={(v) => s.set({ vtexTrackingToken: v })}
        />
      </Inline>
      <Checkbox
        label={t('settings.vtexTracking.onlyWithInvoiceFile')}
        checked={form.vtexTrackingOnlyWithInvoiceFile}
        onChange={check('vtexTrackingOnlyWithInvoiceFile')}
      />
      <Checkbox
        label={t('settings.vtexTracking.statusUpdates')}
        checked={form.vtexTrackingStatusUpdates}
        onChange={check('vtexTrackingStatusUpdates')}
      />
    </Section>
  )
}

export default VtexTrackingSection

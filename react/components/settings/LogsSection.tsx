import React from 'react'
import { useIntl } from 'react-intl'
import { Inline, TextInput } from '@vtex/admin-ui'

import Section from './Section'
import type { SettingsFormState } from './useSettingsForm'

const FIELDS = [
  {
    key: 'maxRetries',
    label: 'settings.maxRetries',
    testId: 'settings-max-retries',
  },
  {
    key: 'successRetentionDays',
    label: 'settings.successRetentionDays',
    testId: 'settings-success-days',
  },
  {
    key: 'errorRetentionDays',
    label: 'settings.errorRetentionDays',
    testId: 'settings-error-days',
  },
] as const

/** Attempts per export and how long logs are kept. */
const LogsSection = ({ s }: { s: SettingsFormState }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const form = s.form!

  return (
    <Section title={t('settings.logs')}>
      <Inline hSpace="$space-3" vSpace="$space-2">
        {FIELDS.map((f) => (
          <TextInput
            key={f.key}
            type="number"
            label={t(f.label)}
            value={form[f.key]}
            error={Boolean(s.errorOf(f.key))}
            errorText={s.errorOf(f.key)}
            data-testid={f.testId}
            onChange={(e) => s.set({ [f.key]: e.target.value })}
          />
        ))}
      </Inline>
    </Section>
  )
}

export default LogsSection

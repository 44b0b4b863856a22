import React from 'react'
import { TextInput } from '@vtex/admin-ui'

/** A write-only secret: never shown again; left empty, the saved one stays. */
const SecretInput = ({
  label,
  help,
  value,
  onChange,
  error,
  testId,
}: {
  label: string
  help: string
  value: string
  onChange: (value: string) => void
  error?: string
  testId?: string
}) => (
  <TextInput
    type="password"
    autoComplete="new-password"
    label={label}
    helpText={help}
    value={value}
    error={Boolean(error)}
    errorText={error}
    data-testid={testId}
    onChange={(e) => onChange(e.target.value)}
  />
)

export default SecretInput

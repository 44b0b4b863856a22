import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { TextInput, csx } from '@vtex/admin-ui'

import { dayPattern, formatDay, parseDay } from '../../utils/localDate'

interface Props {
  label: string
  /** YYYY-MM-DD or null. */
  value: string | null
  onChange: (day: string | null) => void
  testId: string
}

/**
 * A day typed in the admin's locale (31/12/2026 in pt-BR, 12/31/2026 in
 * en-US), applied on Enter or when leaving the field; an impossible date says
 * so and changes nothing. admin-ui 0.137.2's date picker is experimental and
 * has no empty value (it starts on today), which a filter needs.
 */
const DayInput = ({ label, value, onChange, testId }: Props) => {
  const intl = useIntl()
  const [text, setText] = useState(formatDay(value, intl.locale))
  const [invalid, setInvalid] = useState(false)

  useEffect(() => {
    setText(formatDay(value, intl.locale))
    setInvalid(false)
  }, [value, intl.locale])

  const apply = () => {
    const day = parseDay(text, intl.locale)

    setInvalid(day === null)
    if (day === null) return
    if ((day || null) !== value) onChange(day || null)
  }

  return (
    <TextInput
      label={label}
      value={text}
      inputMode="numeric"
      placeholder={dayPattern(intl.locale, {
        day: intl.formatMessage({
          id: 'admin/marketplace-bridge.filter.dayLetter',
        }),
        month: intl.formatMessage({
          id: 'admin/marketplace-bridge.filter.monthLetter',
        }),
        year: intl.formatMessage({
          id: 'admin/marketplace-bridge.filter.yearLetter',
        }),
      })}
      title={intl.formatMessage(
        { id: 'admin/marketplace-bridge.filter.dayFormat' },
        { example: formatDay('2026-12-31', intl.locale) }
      )}
      className={csx({ width: '9.5rem' })}
      error={invalid}
      errorText={
        invalid
          ? intl.formatMessage({
              id: 'admin/marketplace-bridge.field.INVALID_DATE',
            })
          : undefined
      }
      data-testid={testId}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply()
      }}
    />
  )
}

export default DayInput

import React, { useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import { Search, Stack, Text, csx, useSearchState } from '@vtex/admin-ui'

interface Props {
  value: string | null
  onSearch: (search: string | null) => void
}

/**
 * admin-ui's Search over the ids (SKU, product or order; 3 characters or more
 * find the ids that start with them): applied on Enter and when cleared.
 */
const LogSearch = ({ value, onSearch }: Props) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const search = useSearchState({ initialValue: value ?? '' })
  const { setValue } = search
  const shown = useRef(value)

  // Back, forward or a link changed the URL: show its search.
  useEffect(() => {
    if (shown.current === value) return
    shown.current = value
    setValue(value ?? '')
  }, [value, setValue])

  return (
    <Stack space="$space-1" className={csx({ minWidth: '16rem' })}>
      <Text variant="action2" aria-hidden>
        {t('filter.search')}
      </Text>
      <Search
        aria-label={t('filter.search')}
        placeholder={t('filter.search.placeholder')}
        data-testid="filter-search"
        value={search.value}
        onChange={(e) => search.onChange(e)}
        onClear={() => {
          setValue('')
          onSearch(null)
        }}
        onSubmit={() => onSearch(search.value.trim() || null)}
      />
      <Text variant="detail" tone="secondary">
        {t('filter.search.help')}
      </Text>
    </Stack>
  )
}

export default LogSearch

import React, { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Checkbox, Inline, Select, TextInput, csx } from '@vtex/admin-ui'

import { dayBound, isStatus } from '../utils/filters'
import type { LogFilter, LogStatus } from '../utils/types'

const STATUSES: LogStatus[] = ['SUCCESS', 'ERROR', 'QUEUED']
/** Select value meaning "no filter" (admin-ui's Select keeps "" for its placeholder). */
const ALL = 'ALL'

interface Props {
  filter: LogFilter
  marketplaces: Array<{ id: string; name: string }>
  onChange: (filter: LogFilter) => void
}

const day = (iso: string | null) => {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')

  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Search by id, status, marketplace, date range and abnormal latency. */
const Filters = ({ filter, marketplaces, onChange }: Props) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const [search, setSearch] = useState(filter.search ?? '')

  useEffect(() => setSearch(filter.search ?? ''), [filter.search])
  const set = (patch: Partial<LogFilter>) => onChange({ ...filter, ...patch })

  return (
    <Inline
      hSpace="$space-4"
      vSpace="$space-3"
      className={csx({ alignItems: 'flex-end' })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          set({ search: search.trim() || null })
        }}
      >
        <TextInput
          label={t('filter.search')}
          helpText={t('filter.search.help')}
          value={search}
          data-testid="filter-search"
          onChange={(e) => setSearch(e.target.value)}
          onBlur={() => {
            if ((search.trim() || null) !== filter.search)
              set({ search: search.trim() || null })
          }}
        />
      </form>
      <Select
        label={t('filter.status')}
        value={filter.status ?? ALL}
        data-testid="filter-status"
        onChange={(e) =>
          set({ status: isStatus(e.target.value) ? e.target.value : null })
        }
      >
        <option value={ALL}>{t('filter.status.all')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t('filter.marketplace')}
        value={filter.marketplace ?? ALL}
        data-testid="filter-marketplace"
        onChange={(e) =>
          set({ marketplace: e.target.value === ALL ? null : e.target.value })
        }
      >
        <option value={ALL}>{t('filter.marketplace.all')}</option>
        {marketplaces.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </Select>
      <TextInput
        type="date"
        label={t('filter.from')}
        value={day(filter.from)}
        data-testid="filter-from"
        onChange={(e) => set({ from: dayBound(e.target.value, false) })}
      />
      <TextInput
        type="date"
        label={t('filter.to')}
        value={day(filter.to)}
        data-testid="filter-to"
        onChange={(e) => set({ to: dayBound(e.target.value, true) })}
      />
      <Checkbox
        label={t('filter.abnormalOnly')}
        checked={filter.abnormalOnly}
        data-testid="filter-abnormal"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          set({ abnormalOnly: e.target.checked })
        }
      />
    </Inline>
  )
}

export default Filters

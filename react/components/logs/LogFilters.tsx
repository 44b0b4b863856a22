import React from 'react'
import { useIntl } from 'react-intl'
import { Checkbox, Inline, Select, csx } from '@vtex/admin-ui'

import type { MarketplacesQuery } from '../../graphql/generated'
import type { LogsUrlState } from '../../utils/urlState'
import { STATUSES } from '../../utils/urlState'
import DayInput from './DayInput'
import LogSearch from './LogSearch'

/** Select value meaning "no filter" (admin-ui's Select keeps "" for its placeholder). */
const ALL = 'ALL'

interface Props {
  url: LogsUrlState
  marketplaces: MarketplacesQuery['marketplaces']
  onChange: (patch: Partial<LogsUrlState>) => void
}

/**
 * Search by id, status, marketplace, days and abnormal latency. Status and
 * marketplace are admin-ui Selects (native, labelled): 0.137.2's
 * FilterPopover draws an unlabelled radio input inside each option, which
 * screen readers cannot name.
 */
const LogFilters = ({ url, marketplaces, onChange }: Props) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  return (
    <Inline
      hSpace="$space-3"
      vSpace="$space-3"
      className={csx({ alignItems: 'flex-start' })}
      data-testid="filters"
    >
      <LogSearch
        value={url.search}
        onSearch={(search) => onChange({ search })}
      />
      <Select
        label={t('filter.status')}
        value={url.status ?? ALL}
        data-testid="filter-status"
        onChange={(e) =>
          onChange({
            status: STATUSES.find((s) => s === e.target.value) ?? null,
          })
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
        value={url.marketplace ?? ALL}
        data-testid="filter-marketplace"
        onChange={(e) =>
          onChange({
            marketplace: e.target.value === ALL ? null : e.target.value,
          })
        }
      >
        <option value={ALL}>{t('filter.marketplace.all')}</option>
        {marketplaces.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </Select>
      <DayInput
        label={t('filter.from')}
        value={url.from}
        testId="filter-from"
        onChange={(from) => onChange({ from })}
      />
      <DayInput
        label={t('filter.to')}
        value={url.to}
        testId="filter-to"
        onChange={(to) => onChange({ to })}
      />
      <Checkbox
        label={t('filter.abnormalOnly')}
        checked={url.abnormalOnly}
        data-testid="filter-abnormal"
        className={csx({ marginTop: '$space-6' })}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          onChange({ abnormalOnly: e.target.checked })
        }
      />
    </Inline>
  )
}

export default LogFilters

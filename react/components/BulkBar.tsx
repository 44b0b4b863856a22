import React from 'react'
import { useIntl } from 'react-intl'
import { Button, Inline, Text, csx } from '@vtex/admin-ui'

import type { BulkKind } from '../utils/types'

interface Props {
  selected: number
  /** Logs the filter matches, when the counts can tell. */
  matching: number | null
  running: boolean
  csvHref: string
  onSelected: (kind: BulkKind) => void
  onAll: (kind: BulkKind) => void
  onClear: () => void
}

/** Acts on the selected rows, or on everything the filter shows; exports CSV. */
const BulkBar = ({
  selected,
  matching,
  running,
  csvHref,
  onSelected,
  onAll,
  onClear,
}: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const all =
    matching == null
      ? t('bulk.all.unknown')
      : t('bulk.all', { count: matching })

  return (
    <Inline
      hSpace="$space-3"
      vSpace="$space-2"
      data-testid="bulk-bar"
      className={csx({ alignItems: 'center', justifyContent: 'space-between' })}
    >
      {selected > 0 ? (
        <Inline hSpace="$space-2" className={csx({ alignItems: 'center' })}>
          <Text variant="action1" data-testid="selected-count">
            {t('bulk.selected', { count: selected })}
          </Text>
          <Button
            disabled={running}
            onClick={() => onSelected('REPROCESS')}
            data-testid="bulk-reprocess-selected"
          >
            {t('bulk.reprocess')}
          </Button>
          <Button
            variant="critical"
            disabled={running}
            onClick={() => onSelected('REMOVE')}
            data-testid="bulk-remove-selected"
          >
            {t('bulk.remove')}
          </Button>
          <Button variant="tertiary" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </Inline>
      ) : (
        <Inline hSpace="$space-2" className={csx({ alignItems: 'center' })}>
          <Text tone="secondary">{all}</Text>
          <Button
            variant="secondary"
            disabled={running || matching === 0}
            onClick={() => onAll('REPROCESS')}
            data-testid="bulk-reprocess-all"
          >
            {t('bulk.reprocessAll')}
          </Button>
          <Button
            variant="tertiary"
            disabled={running || matching === 0}
            onClick={() => onAll('REMOVE')}
            data-testid="bulk-remove-all"
          >
            {t('bulk.removeAll')}
          </Button>
        </Inline>
      )}
      <a
        href={csvHref}
        download
        data-testid="export-csv"
        className={csx({ text: '$action1', color: '$fg.accent' })}
      >
        {t('bulk.exportCsv')}
      </a>
    </Inline>
  )
}

export default BulkBar

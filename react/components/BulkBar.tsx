import React from 'react'
import { useIntl } from 'react-intl'
import { Button, Inline, Text, csx } from '@vtex/admin-ui'

import type { BulkKind } from '../graphql/generated'

interface Props {
  selected: number
  /** Logs the filter matches, when the counts can tell. */
  matching: number | null
  /** The list cannot be acted on (loading, or the filter was refused). */
  unavailable: boolean
  running: boolean
  /**
   * Nothing the filter shows can be reprocessed (a status filter outside the
   * API's `reprocessableStatuses`): Reprocessar is not offered.
   */
  noErrors?: boolean
  onSelected: (kind: BulkKind) => void
  onAll: (kind: BulkKind) => void
  onClear: () => void
  onExport: () => void
}

/**
 * Acts on the selected rows, or on everything the filter shows; exports CSV.
 * The emphasis follows the situation: with rows selected, "Reprocessar
 * selecionados" leads; with none, no action is the page's primary one.
 */
const BulkBar = ({
  selected,
  matching,
  unavailable,
  running,
  noErrors = false,
  onSelected,
  onAll,
  onClear,
  onExport,
}: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const none = unavailable || matching === 0

  return (
    <Inline
      hSpace="$space-3"
      vSpace="$space-2"
      data-testid="bulk-bar"
      className={csx({ alignItems: 'center', justifyContent: 'space-between' })}
    >
      {selected > 0 ? (
        <Inline hSpace="$space-2" className={csx({ alignItems: 'center' })}>
          <Text
            variant="action1"
            data-testid="selected-count"
            aria-live="polite"
          >
            {t('bulk.selected', { count: selected })}
          </Text>
          <Button
            disabled={running || noErrors}
            onClick={() => onSelected('REPROCESS')}
            data-testid="bulk-reprocess-selected"
          >
            {t('bulk.reprocess')}
          </Button>
          <Button
            variant="criticalSecondary"
            disabled={running}
            onClick={() => onSelected('REMOVE')}
            data-testid="bulk-remove-selected"
          >
            {t('bulk.remove')}
          </Button>
          <Button variant="tertiary" onClick={onClear} data-testid="bulk-clear">
            {t('bulk.clear')}
          </Button>
        </Inline>
      ) : (
        <Inline hSpace="$space-2" className={csx({ alignItems: 'center' })}>
          <Text tone="secondary" data-testid="matching">
            {unavailable
              ? t('bulk.all.none')
              : matching == null
              ? t('bulk.all.unknown')
              : t('bulk.all', { count: matching })}
          </Text>
          <Button
            variant="secondary"
            disabled={running || none || noErrors}
            onClick={() => onAll('REPROCESS')}
            data-testid="bulk-reprocess-all"
          >
            {t('bulk.reprocessAll')}
          </Button>
          <Button
            variant="criticalTertiary"
            disabled={running || none}
            onClick={() => onAll('REMOVE')}
            data-testid="bulk-remove-all"
          >
            {t('bulk.removeAll')}
          </Button>
        </Inline>
      )}
      <Button
        variant="tertiary"
        disabled={unavailable}
        onClick={onExport}
        data-testid="export-csv"
      >
        {t('bulk.exportCsv')}
      </Button>
    </Inline>
  )
}

export default BulkBar

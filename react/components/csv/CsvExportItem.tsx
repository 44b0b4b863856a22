import React, { useEffect, useRef } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import CSV_EXPORT from '../../graphql/csvExport.graphql'
import ProgressBar from '../ProgressBar'
import type {
  CsvExportQuery,
  CsvExportQueryVariables,
} from '../../graphql/generated'
import type { CsvExportView } from './useCsvExports'

const POLL_MS = 1000
/** The most rows one file holds (the service's MAX_EXPORT_ROWS). */
const MAX_ROWS = 500_000

const link = csx({
  color: '#1f4fd1',
  fontWeight: 'bold',
  textDecoration: 'underline',
  ':focus-visible': { outline: '2px solid #1f4fd1', outlineOffset: '2px' },
})

interface Props {
  item: CsvExportView
  onCancel: (id: string) => void
  /** The export stopped running (done, canceled, failed): the list refreshes. */
  onSettled: () => void
}

/**
 * One CSV export: while it runs, its progress (polled every second) and a
 * cancel button; when the file is ready, its download link until it expires.
 */
const CsvExportItem = ({ item, onCancel, onSettled }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const polled = useQuery<CsvExportQuery, CsvExportQueryVariables>(CSV_EXPORT, {
    variables: { id: item.id },
    skip: item.status !== 'RUNNING',
    pollInterval: POLL_MS,
    fetchPolicy: 'network-only',
  })

  const e = polled.data?.csvExport ?? item
  const running = e.status === 'RUNNING'
  const wasRunning = useRef(running)

  useEffect(() => {
    if (wasRunning.current && !running) onSettled()
    wasRunning.current = running
  }, [running, onSettled])

  const percent = Math.round(e.progress * 100)
  const number = (n: number) => intl.formatNumber(n)
  const status = running
    ? e.total != null
      ? t('export.status.RUNNING', {
          rows: number(e.rows),
          total: number(e.total),
          percent,
        })
      : t('export.status.RUNNING.unknown', { rows: number(e.rows) })
    : t(`export.status.${e.status}`, { rows: e.rows, count: number(e.rows) })

  return (
    <li
      data-testid="csv-export"
      data-export-id={e.id}
      data-status={e.status}
      className={csx({
        listStyle: 'none',
        padding: '$space-3',
        border: '$neutral',
        borderRadius: '$base',
      })}
    >
      <Stack space="$space-2">
        <Inline
          hSpace="$space-3"
          className={csx({
            justifyContent: 'space-between',
            alignItems: 'center',
          })}
        >
          <Text variant="action1" aria-live="polite" data-testid="csv-status">
            {status}
          </Text>
          {running ? (
            <Button
              variant="tertiary"
              aria-label={t('export.cancelFor', { name: e.fileName })}
              onClick={() => onCancel(e.id)}
              data-testid="csv-cancel"
            >
              {t('export.cancel')}
            </Button>
          ) : e.downloadUrl ? (
            <a
              href={e.downloadUrl}
              download={e.fileName}
              aria-label={t('export.downloadFor', { name: e.fileName })}
              className={link}
              data-testid="csv-download"
            >
              {t('export.download')}
            </a>
          ) : null}
        </Inline>
        {running ? (
          <ProgressBar
            percent={percent}
            label={t('export.progress', { name: e.fileName })}
          />
        ) : null}
        <Text tone="secondary" variant="detail" data-testid="csv-file">
          {t('export.file', {
            name: e.fileName,
            expiresAt: intl.formatDate(e.expiresAt, {
              day: '2-digit',
              month: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </Text>
        {e.truncated ? (
          <Text tone="secondary" data-testid="csv-truncated">
            {t('export.truncated', { max: number(MAX_ROWS) })}
          </Text>
        ) : null}
      </Stack>
    </li>
  )
}

export default CsvExportItem

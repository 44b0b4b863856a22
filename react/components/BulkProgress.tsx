import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, Button, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import type { BulkActionView } from '../hooks/useBulkAction'
import ProgressBar from './ProgressBar'

interface Props {
  action: BulkActionView
  onStop: () => void
  onResume: () => void
  onDismiss: () => void
}

/** A bulk action's progress bar, counts and stop / resume; a finished one can be dismissed. */
const BulkProgress = ({ action, onStop, onResume, onDismiss }: Props) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const percent = Math.round(action.progress * 100)

  return (
    <div
      data-testid="bulk-progress"
      data-status={action.status}
      className={csx({
        alignSelf: 'stretch',
        padding: '$space-4',
        border: '$neutral',
        borderRadius: '$base',
      })}
    >
      <Stack space="$space-2">
        <Inline
          hSpace="$space-3"
          className={csx({ justifyContent: 'space-between' })}
        >
          <Text variant="title2" aria-live="polite">
            {t(`bulk.status.${action.status}.${action.action}`)}
          </Text>
          <Inline hSpace="$space-2">
            {action.status === 'RUNNING' ? (
              <Button
                variant="tertiary"
                onClick={onStop}
                data-testid="bulk-stop"
              >
                {t('bulk.stop')}
              </Button>
            ) : action.status === 'CANCELED' ? (
              <Button
                variant="secondary"
                onClick={onResume}
                data-testid="bulk-resume"
              >
                {t('bulk.resume')}
              </Button>
            ) : null}
            {action.status !== 'RUNNING' ? (
              <Button
                variant="neutralTertiary"
                onClick={onDismiss}
                data-testid="bulk-dismiss"
              >
                {t('bulk.dismiss')}
              </Button>
            ) : null}
          </Inline>
        </Inline>
        <ProgressBar
          percent={percent}
          label={t(`bulk.progress.${action.action}`)}
        />
        <Text tone="secondary" data-testid="bulk-counts">
          {t('bulk.counts', {
            processed: action.processed,
            total: action.total ?? action.processed,
            percent,
            succeeded: action.succeeded,
            skipped: action.skipped,
            failed: action.failed,
          })}
        </Text>
        {action.lastError ? (
          <Alert variant="warning">
            {t('bulk.lastError', { message: action.lastError })}
          </Alert>
        ) : null}
      </Stack>
    </div>
  )
}

export default BulkProgress

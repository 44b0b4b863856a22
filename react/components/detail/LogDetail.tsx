import type { RefObject } from 'react'
import React, { useEffect, useRef } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import {
  Alert,
  Button,
  HeadingLevel,
  Modal,
  ModalContent,
  ModalDismiss,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  Skeleton,
  Text,
  csx,
  useModalState,
} from '@vtex/admin-ui'

import INTEGRATION_LOG from '../../graphql/integrationLog.graphql'
import type {
  IntegrationLogQuery,
  IntegrationLogQueryVariables,
} from '../../graphql/generated'
import DetailBody from './DetailBody'
import ListingMapping from './ListingMapping'

export type { LogDetailData } from './logDetailData'

interface Props {
  id: string
  busy: boolean
  names: Record<string, string>
  /** Where focus goes back when the dialog closes (the link that opened it). */
  returnFocus: RefObject<HTMLElement | null>
  onClose: () => void
  onReprocess: (id: string) => void
  onRemove: (id: string, returnTo: HTMLElement | null) => void
  /** The page's confirmation dialog, nested here while the detail is open. */
  children?: React.ReactNode
}

const POLL_MS = 2000

/**
 * A log's detail (the URL's `log`): its state, where an error came from, a
 * retry in progress, the order's timeline, the latest attempts. Polls while
 * the log waits in the queue.
 */
const LogDetail = ({
  id,
  busy,
  names,
  returnFocus,
  onClose,
  onReprocess,
  onRemove,
  children,
}: Props) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const state = useModalState({
    open: true,
    setOpen: (open) => !open && onClose(),
  })

  const fallbackFocus = useRef<HTMLElement | null>(
    returnFocus.current ?? (document.activeElement as HTMLElement | null)
  )

  const { data, loading, startPolling, stopPolling } = useQuery<
    IntegrationLogQuery,
    IntegrationLogQueryVariables
  >(INTEGRATION_LOG, { variables: { id }, fetchPolicy: 'cache-and-network' })

  const log = data?.integrationLog
  const queued = log?.status === 'QUEUED'
  const removeButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (queued) startPolling(POLL_MS)
    else stopPolling()

    return () => stopPolling()
  }, [queued, startPolling, stopPolling])

  const entity = log
    ? t(log.tab === 'TRACKING' ? 'detail.entity.order' : 'detail.entity.sku', {
        id: log.entityId,
      })
    : id

  return (
    <Modal
      state={state}
      size="large"
      finalFocusRef={fallbackFocus}
      data-testid="log-detail"
    >
      <ModalHeader>
        <HeadingLevel level={2}>
          <ModalTitle>
            {log
              ? t('detail.title', {
                  entity,
                  marketplace: names[log.marketplace] ?? log.marketplace,
                })
              : id}
          </ModalTitle>
        </HeadingLevel>
        <ModalDismiss
          aria-label={t('detail.close')}
          data-testid="close-detail"
        />
      </ModalHeader>
      <ModalContent>
        {!log && loading ? (
          <Skeleton className={csx({ height: '12rem' })} />
        ) : null}
        {!log && !loading ? (
          <Alert variant="warning">{t('detail.notFound')}</Alert>
        ) : null}
        {log ? (
          <DetailBody
            log={log}
            marketplaceName={names[log.marketplace] ?? log.marketplace}
          />
        ) : null}
        {log ? (
          <ListingMapping
            log={log}
            marketplaceName={names[log.marketplace] ?? log.marketplace}
            busy={busy}
            onReprocess={onReprocess}
          />
        ) : null}
      </ModalContent>
      <ModalFooter>
        {log && !log.canReprocess && log.notReprocessableReason ? (
          <Text
            tone="secondary"
            data-testid="not-reprocessable"
            className={csx({
              flex: '1 1 0',
              minWidth: 0,
              paddingRight: '$space-3',
            })}
          >
            {t(`notReprocessable.${log.notReprocessableReason}`)}
          </Text>
        ) : null}
        {log?.canReprocess ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => {
              // The button goes once the log is queued: keep the focus in the dialog.
              // (ModalDismiss does not forward its ref.)
              document
                .querySelector<HTMLElement>('[data-testid="close-detail"]')
                ?.focus()
              onReprocess(log.id)
            }}
          >
            {t('actions.reprocess')}
          </Button>
        ) : null}
        {log ? (
          <Button
            ref={removeButton}
            variant="critical"
            disabled={busy}
            onClick={() => onRemove(log.id, removeButton.current)}
          >
            {t('actions.remove')}
          </Button>
        ) : null}
      </ModalFooter>
      {children}
    </Modal>
  )
}

export default LogDetail

import React, { useEffect } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import {
  Alert,
  Button,
  Heading,
  Inline,
  Modal,
  ModalContent,
  ModalDismiss,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  Skeleton,
  Stack,
  Text,
  csx,
} from '@vtex/admin-ui'

import INTEGRATION_LOG from '../graphql/integrationLog.graphql'
import { DATE_TIME, prettyBody } from '../utils/format'
import type { LogDetail as Detail } from '../utils/types'
import { durationParts } from '../utils/duration'
import StatusTag, { AbnormalTag } from './StatusTag'

interface Props {
  id: string
  state: Parameters<typeof Modal>[0]['state']
  busy: boolean
  marketplaceNames: Record<string, string>
  onReprocess: (id: string) => void
  onRemove: (id: string) => void
}

const POLL_MS = 2000

/** Text only: bodies come from marketplaces and are never rendered as HTML. */
const Code = ({ children, label }: { children: string; label: string }) => (
  <pre
    aria-label={label}
    style={{
      background: '#f4f4f4',
      padding: 12,
      borderRadius: 4,
      overflow: 'auto',
      maxHeight: 240,
      fontSize: 12,
      margin: 0,
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
    }}
  >
    {children}
  </pre>
)

const Field = ({
  label,
  children,
}: {
  label: string
  children: React.ReactNode
}) => (
  <Stack space="$space-1">
    <Text variant="detail" tone="secondary">
      {label}
    </Text>
    <Text>{children}</Text>
  </Stack>
)

const LogDetail = ({
  id,
  state,
  busy,
  marketplaceNames,
  onReprocess,
  onRemove,
}: Props) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const date = (iso: string) => intl.formatDate(iso, DATE_TIME)
  const { data, loading, startPolling, stopPolling } = useQuery<{
    integrationLog: Detail | null
  }>(INTEGRATION_LOG, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  })

  const log = data?.integrationLog
  const queued = log?.status === 'QUEUED'

  useEffect(() => {
    if (queued) startPolling(POLL_MS)
    else stopPolling()

    return () => stopPolling()
  }, [queued, startPolling, stopPolling])

  const entity = log
    ? t(log.tab === 'TRACKING' ? 'detail.entity.order' : 'detail.entity.sku', {
        id: log.entityId,
      })
    : ''

  return (
    <Modal
      state={state}
      size="large"
      aria-label={entity || id}
      data-testid="log-detail"
    >
      <ModalHeader>
        <ModalTitle>
          {log
            ? t('detail.title', {
                entity,
                marketplace:
                  marketplaceNames[log.marketplace] ?? log.marketplace,
              })
            : id}
        </ModalTitle>
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
          <Stack space="$space-5">
            <Inline hSpace="$space-6" vSpace="$space-3">
              <Inline hSpace="$space-1">
                <StatusTag status={log.status} />
                {log.abnormal ? <AbnormalTag /> : null}
              </Inline>
              <Field label={t('detail.processedAt')}>
                {date(log.processedAt)}
              </Field>
              <Field label={t('detail.createdAt')}>{date(log.createdAt)}</Field>
              <Field label={t('detail.attempts')}>{log.attempts}</Field>
            </Inline>
            {queued && log.queuedAt ? (
              <Alert variant="info" data-testid="queued-notice">
                {t('detail.queued', { time: date(log.queuedAt) })}
              </Alert>
            ) : null}
            <Field label={t('detail.message')}>{log.message}</Field>
            {log.latencyMs != null ? (
              <Text data-testid="latency">
                {t('detail.latency', {
                  duration: t(
                    durationParts(log.latencyMs).id,
                    durationParts(log.latencyMs).values
                  ),
                })}
              </Text>
            ) : null}
            {log.abnormal ? (
              <Alert variant="warning" data-testid="abnormal-notice">
                {t('detail.abnormal')}
              </Alert>
            ) : null}
            {log.origin ? (
              <Stack space="$space-3" data-testid="error-origin">
                <Heading as="h3">{t('detail.origin')}</Heading>
                <Text variant="detail">{`${log.origin.request.method} ${log.origin.request.url}`}</Text>
                <Code label={t('detail.request')}>
                  {prettyBody(log.origin.request.body)}
                </Code>
                <Text variant="detail">
                  {log.origin.response.status == null
                    ? t('detail.noResponse')
                    : t('detail.response', {
                        status: log.origin.response.status,
                      })}
                </Text>
                <Code
                  label={t('detail.response', {
                    status: log.origin.response.status ?? '-',
                  })}
                >
                  {prettyBody(log.origin.response.body)}
                </Code>
              </Stack>
            ) : log.payload ? (
              <Stack space="$space-3">
                <Heading as="h3">{t('detail.payload')}</Heading>
                <Code label={t('detail.payload')}>
                  {prettyBody(log.payload)}
                </Code>
              </Stack>
            ) : null}
            {log.timeline.length > 0 ? (
              <Stack space="$space-2" data-testid="timeline">
                <Heading as="h3">{t('detail.timeline')}</Heading>
                <ol className={csx({ margin: 0, paddingLeft: '$space-5' })}>
                  {log.timeline.map((e) => (
                    <li
                      key={`${e.at}-${e.kind}-${e.status}`}
                      data-testid="timeline-entry"
                      data-kind={e.kind}
                      data-status={e.status}
                      className={csx({ paddingY: '$space-1' })}
                    >
                      <Inline hSpace="$space-3">
                        <Text variant="detail">{date(e.at)}</Text>
                        <Text variant="action2">
                          {t(`timeline.status.${e.status}`)}
                        </Text>
                        <Text variant="detail" tone="secondary">
                          {t(`timeline.source.${e.source}`)}
                        </Text>
                        <Text variant="detail">{e.description}</Text>
                      </Inline>
                    </li>
                  ))}
                </ol>
              </Stack>
            ) : null}
            <Stack space="$space-2">
              <Heading as="h3">{t('detail.history')}</Heading>
              {log.history.map((h) => (
                <Inline key={`${h.at}-${h.status}`} hSpace="$space-3">
                  <StatusTag status={h.status} />
                  <Text variant="detail">{date(h.at)}</Text>
                  <Text variant="detail" tone="secondary">
                    {t(`detail.trigger.${h.trigger}`)}
                  </Text>
                  <Text variant="detail">{h.message}</Text>
                </Inline>
              ))}
            </Stack>
          </Stack>
        ) : null}
      </ModalContent>
      <ModalFooter>
        {log?.status === 'ERROR' ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => onReprocess(log.id)}
          >
            {t('actions.reprocess')}
          </Button>
        ) : null}
        {log ? (
          <Button
            variant="critical"
            disabled={busy}
            onClick={() => onRemove(log.id)}
          >
            {t('actions.remove')}
          </Button>
        ) : null}
      </ModalFooter>
    </Modal>
  )
}

export default LogDetail

import React from 'react'
import { useIntl } from 'react-intl'
import { Heading, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import { DATE_TIME } from '../../utils/format'
import StatusTag from '../StatusTag'
import type { LogDetailData } from './logDetailData'

/** The latest attempts, newest first, and what started each. */
const DetailHistory = ({ history }: { history: LogDetailData['history'] }) => {
  const intl = useIntl()
  const t = (key: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` })

  return (
    <Stack space="$space-2">
      <Heading as="h3" className={csx({ text: '$title2' })}>
        {t('detail.history')}
      </Heading>
      {history.length === 0 ? (
        <Text tone="secondary">{t('detail.history.none')}</Text>
      ) : (
        history.map((h) => (
          <Inline key={`${h.at}-${h.status}`} hSpace="$space-3">
            <StatusTag status={h.status} />
            <Text variant="detail">{intl.formatDate(h.at, DATE_TIME)}</Text>
            <Text variant="detail" tone="secondary">
              {t(`detail.trigger.${h.trigger}`)}
            </Text>
            <Text variant="detail" data-server-text>
              {h.message}
            </Text>
          </Inline>
        ))
      )}
    </Stack>
  )
}

export default DetailHistory

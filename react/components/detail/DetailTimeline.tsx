import React from 'react'
import { useIntl } from 'react-intl'
import { Heading, Inline, Stack, Text, csx } from '@vtex/admin-ui'

import { DATE_TIME } from '../../utils/format'
import type { LogDetailData } from './logDetailData'

/** The order's timeline, oldest first: statuses sent, carrier and partner events. */
const DetailTimeline = ({
  timeline,
}: {
  timeline: LogDetailData['timeline']
}) => {
  const intl = useIntl()
  const t = (key: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` })

  return (
    <Stack space="$space-2" data-testid="timeline">
      <Heading as="h3" className={csx({ text: '$title2' })}>
        {t('detail.timeline')}
      </Heading>
      <ol className={csx({ margin: 0, paddingLeft: '$space-5' })}>
        {timeline.map((e) => (
          <li
            key={`${e.at}-${e.kind}-${e.status}`}
            data-testid="timeline-entry"
            data-kind={e.kind}
            data-status={e.status}
            className={csx({ paddingY: '$space-1' })}
          >
            <Inline hSpace="$space-3">
              <Text variant="detail">{intl.formatDate(e.at, DATE_TIME)}</Text>
              <Text variant="action2">{t(`timeline.status.${e.status}`)}</Text>
              <Text variant="detail" tone="secondary">
                {t(`timeline.source.${e.source}`)}
              </Text>
              <Text variant="detail" data-server-text>
                {e.description}
              </Text>
            </Inline>
          </li>
        ))}
      </ol>
    </Stack>
  )
}

export default DetailTimeline

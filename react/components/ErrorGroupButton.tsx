import React from 'react'
import { useIntl } from 'react-intl'
import { Text, VisuallyHidden, csx } from '@vtex/admin-ui'

import type { ErrorGroupPageQuery } from '../graphql/generated'
import StatusTag from './StatusTag'

type Group = ErrorGroupPageQuery['errorGroupPage']['data'][number]

const button = csx({
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
  gap: '$space-3',
  width: '100%',
  textAlign: 'left',
  paddingY: '$space-1',
  paddingX: '$space-2',
  border: 'none',
  borderRadius: '$base',
  cursor: 'pointer',
  bg: 'transparent',
  ':hover': { bg: '$action.neutral.tertiaryHover' },
  '&[aria-pressed="true"]': { bg: '$action.neutral.tertiaryPressed' },
  ':focus-visible': { outline: '2px solid #1f4fd1', outlineOffset: '1px' },
})

/**
 * One cause: its text and its count, read apart ("…: 6 logs") by screen
 * readers; an alerts' group is tagged as such.
 */
const ErrorGroupButton = ({
  group,
  pressed,
  onClick,
}: {
  group: Group
  pressed: boolean
  onClick: () => void
}) => {
  const intl = useIntl()
  const count = intl.formatMessage(
    { id: 'admin/marketplace-bridge.groups.count' },
    { count: group.count }
  )

  return (
    <button
      type="button"
      data-testid="error-group"
      data-cause={group.cause}
      aria-pressed={pressed}
      onClick={onClick}
      className={button}
    >
      <span
        className={csx({
          display: 'flex',
          gap: '$space-2',
          alignItems: 'center',
        })}
      >
        {group.status === 'ALERT' ? <StatusTag status="ALERT" /> : null}
        <Text data-server-text>{group.text}</Text>
      </span>
      {/* Read as "…: 6 logs", not "…6 logs" (names would run together). */}
      <VisuallyHidden>
        {intl.formatMessage({
          id: 'admin/marketplace-bridge.groups.separator',
        })}
      </VisuallyHidden>
      <Text
        variant="action1"
        className={csx({
          // Dark red for errors, dark orange for alerts: both over 4.5:1 on white.
          color: group.status === 'ALERT' ? '#8a4b00' : '#b3261e',
          whiteSpace: 'nowrap',
        })}
      >
        {count}
      </Text>
    </button>
  )
}

export default ErrorGroupButton

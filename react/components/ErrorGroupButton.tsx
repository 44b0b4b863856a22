import React from 'react'
import { useIntl } from 'react-intl'
import { Text, VisuallyHidden, csx } from '@vtex/admin-ui'

import type { ErrorGroupPageQuery } from '../graphql/generated'

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

/** One cause: its text and its count, read apart ("…: 6 logs") by screen readers. */
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
      <Text data-server-text>{group.text}</Text>
      {/* Read as "…: 6 logs", not "…6 logs" (names would run together). */}
      <VisuallyHidden>
        {intl.formatMessage({
          id: 'admin/marketplace-bridge.groups.separator',
        })}
      </VisuallyHidden>
      <Text
        variant="action1"
        className={csx({ color: '#b3261e', whiteSpace: 'nowrap' })}
      >
        {count}
      </Text>
    </button>
  )
}

export default ErrorGroupButton

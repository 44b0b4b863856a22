import React from 'react'
import { Button, Center, Heading, Stack, Text, csx } from '@vtex/admin-ui'

/** What the table says instead of rows: nothing found, a filter it cannot search, a failure. */
const ViewMessage = ({
  title,
  description,
  action,
  testId,
  role,
}: {
  title: string
  description: string
  action?: { label: string; onClick: () => void }
  testId: string
  role?: 'alert' | 'status'
}) => (
  <Center
    className={csx({ paddingY: '$space-7' })}
    data-testid={testId}
    role={role}
  >
    <Stack
      space="$space-2"
      className={csx({ alignItems: 'center', textAlign: 'center' })}
    >
      <Heading as="h3" className={csx({ text: '$title2' })}>
        {title}
      </Heading>
      <Text tone="secondary">{description}</Text>
      {action ? (
        <Button variant="secondary" onClick={() => action.onClick()}>
          {action.label}
        </Button>
      ) : null}
    </Stack>
  </Center>
)

export default ViewMessage

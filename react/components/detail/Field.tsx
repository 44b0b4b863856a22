import type { ReactNode } from 'react'
import React from 'react'
import { Stack, Text } from '@vtex/admin-ui'

/** A labelled value of the detail. */
const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack space="$space-1">
    <Text variant="detail" tone="secondary">
      {label}
    </Text>
    <Text>{children}</Text>
  </Stack>
)

export default Field

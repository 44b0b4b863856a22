import type { ReactNode } from 'react'
import React from 'react'
import { Heading, Stack, csx } from '@vtex/admin-ui'

const box = csx({
  alignSelf: 'stretch',
  padding: '$space-5',
  border: '$neutral',
  borderRadius: '$base',
})

/** One titled part of the settings page (an h2 under the page's h1). */
const Section = ({
  title,
  children,
}: {
  title: string
  children: ReactNode
}) => (
  <section className={box}>
    <Stack space="$space-3">
      <Heading as="h2">{title}</Heading>
      {children}
    </Stack>
  </section>
)

export default Section

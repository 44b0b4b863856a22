import React from 'react'
import { useIntl } from 'react-intl'
import { Heading, Stack, csx } from '@vtex/admin-ui'

import CsvExportItem from './CsvExportItem'
import type { CsvExportView } from './useCsvExports'

interface Props {
  exports: CsvExportView[]
  onCancel: (id: string) => void
  onSettled: () => void
}

/** The tab's latest CSV exports (at most 5) with their progress or download link, until they expire. */
const CsvExports = ({ exports, onCancel, onSettled }: Props) => {
  const intl = useIntl()

  if (exports.length === 0) return null

  return (
    <section aria-labelledby="csv-exports-title" data-testid="csv-exports">
      <Stack space="$space-2">
        <Heading
          as="h2"
          id="csv-exports-title"
          className={csx({ text: '$title2' })}
        >
          {intl.formatMessage({ id: 'admin/marketplace-bridge.export.title' })}
        </Heading>
        <ul
          className={csx({
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: '$space-2',
          })}
        >
          {exports.map((e) => (
            <CsvExportItem
              key={e.id}
              item={e}
              onCancel={onCancel}
              onSettled={onSettled}
            />
          ))}
        </ul>
      </Stack>
    </section>
  )
}

export default CsvExports

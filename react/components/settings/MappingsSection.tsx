import React, { useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Button, Inline, Select, Stack, Text, csx } from '@vtex/admin-ui'

import MARKETPLACES from '../../graphql/marketplaces.graphql'
import type { MarketplacesQuery } from '../../graphql/generated'
import MappingResult from './MappingResult'
import Section from './Section'
import { useListingImport } from './useListingImport'

const fileLabel = csx({
  display: 'flex',
  flexDirection: 'column',
  gap: '$space-1',
})

/**
 * The SKU ↔ listing mappings of a saved marketplace, imported from a CSV
 * (docs/channels.md): choose the marketplace and the file, import, and see
 * what was written and each refused row. Its own controls (type="button")
 * inside the settings form: importing saves nothing else.
 */
const MappingsSection = () => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` })

  const { data } = useQuery<MarketplacesQuery>(MARKETPLACES)
  const markets = (data?.marketplaces ?? []).filter((m) => !m.system)
  const [chosen, setChosen] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const { state, loading, upload, reset } = useListingImport()
  const marketplace = chosen || markets[0]?.id || ''

  return (
    <Section title={t('settings.mappings')}>
      <Text tone="secondary">{t('settings.mappings.help')}</Text>
      {markets.length === 0 ? (
        <Text data-testid="mappings-none">{t('settings.mappings.none')}</Text>
      ) : (
        <Stack space="$space-3" data-testid="mappings-upload">
          <Inline hSpace="$space-3" vSpace="$space-2" align="flex-end">
            <Select
              label={t('settings.mappings.marketplace')}
              value={marketplace}
              data-testid="mappings-marketplace"
              onChange={(e) => {
                setChosen(e.target.value)
                reset()
              }}
            >
              {markets.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
            <label className={fileLabel}>
              <Text>{t('settings.mappings.file')}</Text>
              <input
                ref={input}
                type="file"
                accept=".csv,text/csv"
                data-testid="mappings-file"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null)
                  reset()
                }}
              />
            </label>
            <Button
              type="button"
              variant="secondary"
              disabled={!file || loading}
              data-testid="mappings-import"
              onClick={() => file && upload(marketplace, file)}
            >
              {t(
                loading
                  ? 'settings.mappings.importing'
                  : 'settings.mappings.import'
              )}
            </Button>
          </Inline>
          <div aria-live="polite">
            <MappingResult state={state} />
          </div>
        </Stack>
      )}
    </Section>
  )
}

export default MappingsSection

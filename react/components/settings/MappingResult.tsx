import React from 'react'
import { useIntl } from 'react-intl'
import { Alert, Heading, Stack, Text, csx } from '@vtex/admin-ui'

import { useErrorText } from '../../hooks/useErrorText'
import type { ImportState } from './useListingImport'
import { useListingRowText } from './useListingRowText'

/** Refused rows listed at once; the rest are counted (the file keeps its line numbers). */
export const SHOWN_ROWS = 100

const list = csx({ margin: 0, paddingLeft: '$space-5' })

/** What an upload wrote and refused: counts, each refused row's line, column and reason, or why the file was refused. */
const MappingResult = ({ state }: { state: ImportState }) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${id}` }, values)

  const { errorText } = useErrorText()
  const { rowText, fileText } = useListingRowText()

  if (state.kind === 'unreadable')
    return (
      <Alert variant="critical" data-testid="mapping-unreadable">
        {t('settings.mappings.unreadable')}
      </Alert>
    )

  if (state.kind === 'refused')
    return (
      <Stack space="$space-1" data-testid="mapping-refused">
        <Alert variant="critical">
          {errorText(state.error)}
          {state.problem.reason === 'INVALID_LISTING_CSV'
            ? ` ${t('settings.mappings.nothingWritten')}`
            : ''}
        </Alert>
        {state.problem.fields.length ? (
          <ul className={list} data-testid="mapping-file-problems">
            {state.problem.fields.map((f, i) => (
              <li key={i}>
                <Text>{fileText(f)}</Text>
              </li>
            ))}
          </ul>
        ) : null}
      </Stack>
    )

  if (state.kind !== 'done') return null
  const { added, updated, unchanged, errors } = state.result
  const lines = new Set(errors.map((e) => e.line)).size

  return (
    <Stack space="$space-2" data-testid="mapping-result">
      <Alert variant={errors.length ? 'warning' : 'positive'}>
        {t('settings.mappings.written', {
          count: added + updated + unchanged,
          added,
          updated,
          unchanged,
        })}
      </Alert>
      {errors.length ? (
        <Stack space="$space-1">
          <Heading as="h3">
            {t('settings.mappings.refusedRows', { count: lines })}
          </Heading>
          <ul className={list} data-testid="mapping-errors">
            {errors.slice(0, SHOWN_ROWS).map((e, i) => (
              <li key={i}>
                <Text>
                  {t('settings.mappings.row', {
                    line: e.line,
                    column: e.field,
                    reason: rowText({
                      field: e.field,
                      code: e.code,
                      params: Object.fromEntries(
                        e.params.map((p) => [p.name, p.value])
                      ),
                    }),
                  })}
                </Text>
              </li>
            ))}
          </ul>
          {errors.length > SHOWN_ROWS ? (
            <Text tone="secondary">
              {t('settings.mappings.more', {
                count: errors.length - SHOWN_ROWS,
              })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  )
}

export default MappingResult

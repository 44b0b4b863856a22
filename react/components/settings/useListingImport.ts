import { useState } from 'react'
import { useMutation } from 'react-apollo'

import IMPORT_LISTING_CSV from '../../graphql/importListingCsv.graphql'
import type {
  ImportListingCsvMutation,
  ImportListingCsvMutationVariables,
} from '../../graphql/generated'
import type { Problem } from '../../utils/errors'
import { problemOf } from '../../utils/errors'

export type ImportResult = ImportListingCsvMutation['importListingCsv']

/** What the last upload gave: the rows written and refused, a refused file, or a file that could not be read. */
export type ImportState =
  | { kind: 'idle' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'refused'; problem: Problem; error: unknown }
  | { kind: 'unreadable' }

/** A chosen file's text (UTF-8), through FileReader (what every admin browser has). */
export const readText = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()

    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file, 'utf-8')
  })

/** Reads a CSV and sends it to importListingCsv for one marketplace. */
export function useListingImport() {
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const [run, { loading }] = useMutation<
    ImportListingCsvMutation,
    ImportListingCsvMutationVariables
  >(IMPORT_LISTING_CSV)

  const upload = async (marketplace: string, file: Blob) => {
    let csv: string

    try {
      csv = await readText(file)
    } catch {
      setState({ kind: 'unreadable' })

      return
    }

    try {
      const r = await run({ variables: { marketplace, csv } })

      if (r.data) setState({ kind: 'done', result: r.data.importListingCsv })
    } catch (e) {
      setState({ kind: 'refused', problem: problemOf(e), error: e })
    }
  }

  return {
    state,
    loading,
    upload,
    reset: () => setState({ kind: 'idle' }),
  }
}

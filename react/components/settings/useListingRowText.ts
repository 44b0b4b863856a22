import { useIntl } from 'react-intl'

import { useErrorText } from '../../hooks/useErrorText'
import type { FieldProblem } from '../../utils/errors'

const PREFIX = 'admin/marketplace-bridge'

/**
 * The admin's words for a mapping problem: a refused row (`listing.row.…`)
 * or why a whole file was refused (`listing.file.{field}.{code}`), with the
 * field codes' generic text when nothing more precise exists.
 */
export function useListingRowText() {
  const intl = useIntl()
  const { fieldText } = useErrorText()
  const has = (id: string) => Boolean(intl.messages[id])
  const say = (id: string, params: FieldProblem['params'] = {}) => {
    try {
      return intl.formatMessage({ id }, params)
    } catch {
      return null
    }
  }

  const first = (ids: string[], p: FieldProblem) => {
    const id = ids.find(has)

    return (id && say(id, p.params)) || fieldText(p)
  }

  /** Why one row was refused (`field` is its column, or "row"). */
  const rowText = (p: FieldProblem) => {
    const keys = Object.keys(p.params ?? {}).sort((a, b) => a.localeCompare(b))

    return first(
      [
        ...keys.map((k) => `${PREFIX}.listing.row.${p.code}.${k}`),
        `${PREFIX}.listing.row.${p.field}.${p.code}`,
        `${PREFIX}.listing.row.${p.code}`,
      ],
      p
    )
  }

  /** Why a file was refused as a whole (field `file` or `header`). */
  const fileText = (p: FieldProblem) =>
    first(
      [
        ...(p.field === 'header' &&
        p.code === 'REQUIRED' &&
        p.params?.column === 'skuId'
          ? [`${PREFIX}.listing.file.header.REQUIRED.key`]
          : []),
        `${PREFIX}.listing.file.${p.field}.${p.code}`,
      ],
      p
    )

  return { rowText, fileText }
}

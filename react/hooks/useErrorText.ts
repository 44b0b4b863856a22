import { useIntl } from 'react-intl'

import type { FieldProblem } from '../utils/errors'
import { problemOf } from '../utils/errors'

const PREFIX = 'admin/marketplace-bridge'

/**
 * Turns any failed call into the admin's language: a network failure says so,
 * an answer with a reason is `error.{reason}`, anything else a generic
 * message; never the server's English text.
 */
export function useErrorText() {
  const intl = useIntl()
  const has = (id: string) => Boolean(intl.messages[id])

  const errorText = (e: unknown) => {
    const p = problemOf(e)
    const id = p.network
      ? `${PREFIX}.error.NETWORK`
      : p.reason && has(`${PREFIX}.error.${p.reason}`)
      ? `${PREFIX}.error.${p.reason}`
      : p.code && has(`${PREFIX}.error.${p.code}`)
      ? `${PREFIX}.error.${p.code}`
      : `${PREFIX}.error.UNKNOWN`

    return intl.formatMessage({ id })
  }

  /** One field's problem (`field.{code}`), with its bounds when it has them (`field.{code}.params`). */
  const fieldText = (f: FieldProblem) => {
    const id = `${PREFIX}.field.${f.code}`

    if (f.params && Object.keys(f.params).length && has(`${id}.params`)) {
      try {
        return intl.formatMessage({ id: `${id}.params` }, f.params)
      } catch {
        // Other parameters than the message expects: the plain text below.
      }
    }

    return intl.formatMessage({ id: has(id) ? id : `${PREFIX}.field.UNKNOWN` })
  }

  return { errorText, fieldText }
}

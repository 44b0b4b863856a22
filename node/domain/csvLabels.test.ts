import { readFileSync } from 'fs'
import { join } from 'path'

import { CSV_LABELS } from './csvLabels'

const messages = (lang: string): Record<string, string> =>
  JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', 'messages', `${lang}.json`),
      'utf8'
    )
  )

describe('CSV labels', () => {
  it.each(Object.keys(CSV_LABELS))(
    '%s equals messages/ (translators work there)',
    (lang) => {
      const m = messages(lang)
      const labels = CSV_LABELS[lang as keyof typeof CSV_LABELS]
      const key = (k: string) => `admin/marketplace-bridge.${k}`

      for (const [column, text] of Object.entries(labels.column))
        expect([column, text]).toEqual([column, m[key(`csv.column.${column}`)]])
      for (const [status, text] of Object.entries(labels.status))
        expect([status, text]).toEqual([status, m[key(`status.${status}`)]])
      expect([labels.yes, labels.no]).toEqual([
        m[key('csv.yes')],
        m[key('csv.no')],
      ])
    }
  )
})

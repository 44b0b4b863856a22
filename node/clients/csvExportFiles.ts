import { Readable } from 'stream'

import type { VBase } from '@vtex/api'

import type { PartFiles } from '../services/csvExportFiles'

const statusOf = (e: unknown): number | undefined =>
  (e as { response?: { status?: number } })?.response?.status

/**
 * CSV export parts on VBase: saveFile with the path's content type
 * (`text/csv`, from the `.csv` name) and no gzip — the parts are served
 * concatenated, and a plain part is what getFileStream gives back as it was
 * written — read with getFileStream. Takes the app's LogStorage (a VBase
 * registered `memoizable: false`).
 */
export function vbasePartFiles(vbase: VBase, bucket: string): PartFiles {
  return {
    write: (path, text) =>
      vbase.saveFile(
        bucket,
        path,
        Readable.from([Buffer.from(text, 'utf8')]),
        false
      ),
    read: async (path) => {
      try {
        return await vbase.getFileStream(bucket, path)
      } catch (e) {
        if (statusOf(e) === 404) return null
        throw e
      }
    },
  }
}

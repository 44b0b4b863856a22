import { Readable } from 'stream'

import type { KeyValueStore } from './storage'

/**
 * The part files of CSV exports: raw CSV text, written whole (VBase has no
 * append: each chunk is a numbered part, concatenated when served) and read
 * as a stream. Listed and deleted through the KeyValueStore like any file.
 * In the app it is VBase's saveFile/getFileStream (clients/csvExportFiles.ts).
 */
export interface PartFiles {
  /** Writes (or overwrites) one part. */
  write(path: string, text: string): Promise<void>
  /** One part's bytes; null when it does not exist. */
  read(path: string): Promise<Readable | null>
}

/** Parts kept as JSON strings in a KeyValueStore: the unit tests' storage. */
export function partFilesIn(kv: KeyValueStore): PartFiles {
  return {
    write: (path, text) => kv.put(path, text),
    read: async (path) => {
      const file = await kv.get<string>(path)

      return file ? Readable.from([Buffer.from(file.data, 'utf8')]) : null
    },
  }
}

/** Reads a stream to a string (tests, small parts). */
export async function textOf(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []

  for await (const c of stream) chunks.push(Buffer.from(c))

  return Buffer.concat(chunks).toString('utf8')
}

import { Readable } from 'stream'

import { VBase } from '@vtex/api'
import { strToU8, zipSync } from 'fflate'

import { LAYOUT_ROOT, relative } from '../domain/layout'
import type {
  KeyValueStore,
  ListPage,
  PutOptions,
  StoredFile,
} from '../services/storage'
import { PreconditionFailed } from '../services/storage'

const appName = () => (process.env.VTEX_APP_ID ?? '').split('@')[0]

const statusOf = (e: unknown): number | undefined =>
  (e as { response?: { status?: number } })?.response?.status

/**
 * VBase, seen through the KeyValueStore contract the services use. Adds
 * create-if-absent (If-None-Match: *), which @vtex/api's saveJSON lacks.
 * Registered with `memoizable: false` (node/index.ts): retries must re-read.
 */
export class LogStorage extends VBase {
  public bucket(bucket: string): KeyValueStore {
    return {
      // Per-process caches (the cursor key) are per account and workspace.
      scope: `${this.context.account}/${this.context.workspace}/${bucket}`,
      get: <T>(path: string) => this.read<T>(bucket, path),
      put: <T>(path: string, data: T, options?: PutOptions) =>
        this.write(bucket, path, data, options),
      delete: (path: string, options?: { ifMatch?: string }) =>
        this.remove(bucket, path, options),
      list: (prefix: string, options: { limit: number; next?: string }) =>
        this.listPage(bucket, prefix, options),
      putMany: (files: Array<{ path: string; data: unknown }>) =>
        this.writeMany(bucket, files),
    }
  }

  /**
   * Several files in one call: a zip uploaded with `unzip=true`
   * (saveZippedContent), unpacked by VBase under the layout root.
   */
  private async writeMany(
    bucket: string,
    files: Array<{ path: string; data: unknown }>
  ) {
    if (files.length === 0) return
    const entries: Record<string, Uint8Array> = {}

    for (const f of files) {
      const name = relative(f.path)

      if (name === f.path) {
        throw new Error(`${f.path} is outside ${LAYOUT_ROOT}/`)
      }

      entries[name] = strToU8(JSON.stringify(f.data))
    }

    // Index entries are tiny and alike: store without compression (level 0).
    const zip = zipSync(entries, { level: 0 })

    await this.saveZippedContent(
      bucket,
      LAYOUT_ROOT,
      Readable.from([Buffer.from(zip)])
    )
  }

  private async read<T>(
    bucket: string,
    path: string
  ): Promise<StoredFile<T> | null> {
    const response = await this.getRawJSON<T | null>(bucket, path, true)

    if (response.data == null || response.status === 404) return null

    return { data: response.data, etag: String(response.headers?.etag ?? '') }
  }

  private async write<T>(
    bucket: string,
    path: string,
    data: T,
    options: PutOptions = {}
  ) {
    try {
      if (options.ifAbsent) {
        await this.http.put(
          `/buckets/${appName()}/${bucket}/files/${path}`,
          data,
          {
            headers: {
              'Content-Type': 'application/json',
              'If-None-Match': '*',
            },
            metric: 'vbase-create-json',
          }
        )
      } else {
        await this.saveJSON(bucket, path, data, undefined, options.ifMatch)
      }
    } catch (e) {
      if (statusOf(e) === 412) throw new PreconditionFailed(path)
      throw e
    }
  }

  private async remove(
    bucket: string,
    path: string,
    options: { ifMatch?: string } = {}
  ) {
    try {
      await this.deleteFile(bucket, path, undefined, options.ifMatch)
    } catch (e) {
      const status = statusOf(e)

      if (status === 404) return
      if (status === 412) throw new PreconditionFailed(path)
      throw e
    }
  }

  private async listPage(
    bucket: string,
    prefix: string,
    options: { limit: number; next?: string }
  ): Promise<ListPage> {
    const page = await this.listFiles(bucket, {
      prefix,
      limit: options.limit,
      next: options.next,
    })

    return {
      paths: (page.data ?? []).map((f) => f.path),
      next: page.next || null,
    }
  }
}

import type { Readable } from 'stream'

import { claimBulk, markBulkSent } from '../domain/bulk'
import { csvFormat } from '../domain/csv'
import type { CsvExport, ExportChunk } from '../domain/csvExport'
import {
  applyExportChunk,
  assertDownloadable,
  cancelExport,
  exportNotFound,
  isExpired,
  isExportId,
  newCsvExport,
  releaseExport,
} from '../domain/csvExport'
import {
  EXPORT_PREFIX,
  exportFileName,
  exportPartPath,
  exportPath,
} from '../domain/csvExportPlan'
import { orderKeyOfMs } from '../domain/layout'
import type { FilterArgs } from '../domain/listPlan'
import { parseLogFilter } from '../domain/listPlan'
import type { Tab } from '../domain/tabs'
import { writeChunk } from './csvExportChunk'
import type { PartFiles } from './csvExportFiles'
import { maintainExports } from './csvExportMaintenance'
import { claimExportSlot } from './csvExportSlots'
import type { LogStore } from './logStore'
import { withOptimisticRetry } from './retry'
import type { KeyValueStore, StoredFile } from './storage'

export interface CsvExportDeps {
  kv: KeyValueStore
  logs: LogStore
  files: PartFiles
  /** Sends the event that runs the export's next chunk. */
  dispatch: (exportId: string) => Promise<void>
  now?: () => number
}

export interface CsvExportRequest extends FilterArgs {
  locale?: string | null
  timeZone?: string | null
}

/** A finished export ready to stream: its name and its parts, in order. */
export interface ExportDownload {
  export: CsvExport
  fileName: string
  parts: () => AsyncGenerator<Readable>
}

const token = () => Math.random().toString(36).slice(2, 10)

/** CSV exports worked chunk by chunk (domain/csvExport.ts has the rules). */
export class CsvExportService {
  private readonly now: () => number

  constructor(private readonly deps: CsvExportDeps) {
    this.now = deps.now ?? Date.now
  }

  private iso() {
    return new Date(this.now()).toISOString()
  }

  /**
   * Validates the filter and the format, checks the size and a free slot,
   * then stores the export and sends its first event. Any refusal happens
   * before anything is written.
   */
  async start(request: CsvExportRequest): Promise<CsvExport> {
    const filter = parseLogFilter(request)
    const locale = request.locale || null
    const timeZone = request.timeZone || null

    csvFormat(locale, timeZone)
    // Lists one row: refuses what only the listing can tell (a search that
    // cannot be listed) before anything is written.
    await this.deps.logs.list({ ...filter, first: 1 })
    const total = await this.deps.logs.count(filter)
    const nowMs = this.now()
    // The id starts with the creation time: expiry is readable from it.
    const id = `${orderKeyOfMs(nowMs)}-${token()}`
    const exp = newCsvExport({ id, filter, locale, timeZone, total, nowMs })

    await claimExportSlot(this.deps.kv, id, (e) => this.get(e), this.now())
    await this.deps.kv.put(exportPath(id), exp, { ifAbsent: true })
    await this.send(id)

    return (await this.get(id)) ?? exp
  }

  private file(id: string) {
    if (!isExportId(id)) throw exportNotFound(id)

    return this.deps.kv.get<CsvExport>(exportPath(id))
  }

  /** The export, or null when it does not exist or has expired. */
  async get(id: string): Promise<CsvExport | null> {
    const exp = (await this.file(id))?.data ?? null

    return exp && !isExpired(exp, this.now()) ? exp : null
  }

  /** The newest exports of a tab that have not expired (ids sort newest first). */
  async recent(tab: Tab, limit = 5): Promise<CsvExport[]> {
    const { paths } = await this.deps.kv.list(EXPORT_PREFIX, { limit: 100 })
    const found: CsvExport[] = []

    for (let i = 0; i < paths.length && found.length < limit; i += 10) {
      const docs = await Promise.all(
        paths.slice(i, i + 10).map((p) => this.deps.kv.get<CsvExport>(p))
      )

      for (const d of docs) {
        if (d && d.data.tab === tab && !isExpired(d.data, this.now()))
          found.push(d.data)
      }
    }

    return found.slice(0, limit)
  }

  /** Read-modify-write of one export (If-Match, retried from a fresh read). */
  change(id: string, fn: (e: CsvExport) => CsvExport) {
    return withOptimisticRetry(`Updating CSV export ${id}`, async () => {
      const file = await this.file(id)

      if (!file || isExpired(file.data, this.now())) throw exportNotFound(id)
      const next = fn(file.data)

      await this.deps.kv.put(exportPath(id), next, { ifMatch: file.etag })

      return next
    })
  }

  cancel(id: string) {
    return this.change(id, (e) => cancelExport(e, this.iso()))
  }

  /** Sends the next chunk's event; a failed send is left to the maintenance pass. */
  async send(id: string) {
    try {
      await this.deps.dispatch(id)
    } catch {
      return
    }

    await this.change(id, (e) => markBulkSent(e, this.iso())).catch(
      () => undefined
    )
  }

  /**
   * The event handler: claims the export, writes one part, commits, sends
   * the next event. A duplicate or late event finds the lease taken or the
   * export finished and does nothing; a failed chunk lets its lease go and
   * throws, so the bus delivers the event again.
   */
  async runChunk(id: string): Promise<'done' | 'more' | 'busy' | 'missing'> {
    const owner = token()
    const claimed = await withOptimisticRetry(`Claiming ${id}`, async () => {
      const file = await this.file(id)

      if (!file || isExpired(file.data, this.now())) return 'missing' as const
      const next = claimBulk(file.data, this.now(), owner)

      if (!next) return 'busy' as const
      await this.deps.kv.put(exportPath(id), next, { ifMatch: file.etag })

      return next
    })

    if (claimed === 'missing' || claimed === 'busy') return claimed
    let chunk: ExportChunk

    try {
      chunk = await writeChunk(this.deps, claimed, this.now)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)

      await this.commit(id, owner, (x) =>
        releaseExport(x, message, this.iso())
      ).catch(() => undefined)
      throw e
    }

    const committed = await this.commit(id, owner, (x) =>
      applyExportChunk(x, chunk, this.iso())
    )

    if (committed.status !== 'RUNNING') return 'done'
    await this.send(id)

    return 'more'
  }

  /** Writes the chunk's outcome if the lease is still ours; a cancel that came meanwhile is kept. */
  private commit(id: string, owner: string, fn: (e: CsvExport) => CsvExport) {
    return withOptimisticRetry(`Saving progress of ${id}`, async () => {
      const current: StoredFile<CsvExport> | null = await this.file(id)

      if (!current) throw exportNotFound(id)
      // Our lease ran out and another handler took over: its work counts.
      if (current.data.owner !== owner) return current.data
      const next = fn(current.data)

      await this.deps.kv.put(exportPath(id), next, { ifMatch: current.etag })

      return next
    })
  }

  /**
   * The maintenance pass's share (services/csvExportMaintenance.ts): quiet
   * exports re-sent, expired ones removed with their files.
   */
  maintain() {
    return maintainExports({
      kv: this.deps.kv,
      nowMs: this.now(),
      now: () => this.iso(),
      send: (id) => this.send(id),
      change: (id, fn) => this.change(id, fn),
    })
  }

  /**
   * A finished export, ready to stream: EXPORT_NOT_FOUND (unknown or
   * expired), EXPORT_RUNNING or EXPORT_NOT_READY otherwise. The parts are
   * opened one at a time, in order, as the answer is read.
   */
  async download(id: string): Promise<ExportDownload> {
    const exp = assertDownloadable(
      id,
      isExportId(id) ? await this.get(id) : null,
      this.now()
    )

    const { files } = this.deps

    return {
      export: exp,
      fileName: exportFileName(exp),
      parts: async function* parts() {
        for (let n = 0; n < exp.parts.length; n++) {
          const stream = await files.read(exportPartPath(exp.id, n))

          if (!stream)
            throw new Error(`Part ${n} of export ${exp.id} is missing`)
          yield stream
        }
      },
    }
  }
}

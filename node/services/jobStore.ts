import { JOB_PREFIX, jobPath } from '../domain/layout'
import type { Job } from '../domain/queue'
import type { KeyValueStore, StoredFile } from './storage'

/** Pending reprocess jobs, one VBase file each, deleted when finished. */
export class JobStore {
  constructor(private readonly kv: KeyValueStore) {}

  get(id: string): Promise<StoredFile<Job> | null> {
    return this.kv.get<Job>(jobPath(id))
  }

  /** Writes a new job; false when one with this id already exists. */
  async create(job: Job): Promise<boolean> {
    try {
      await this.kv.put(jobPath(job.id), job, { ifAbsent: true })

      return true
    } catch (e) {
      if ((e as Error).name === 'PreconditionFailed') return false
      throw e
    }
  }

  /** Throws PreconditionFailed when the job changed since `etag` was read. */
  replace(job: Job, etag: string) {
    return this.kv.put(jobPath(job.id), job, { ifMatch: etag })
  }

  /** Writes a job this handler holds the claim of. */
  save(job: Job) {
    return this.kv.put(jobPath(job.id), job)
  }

  delete(id: string) {
    return this.kv.delete(jobPath(id))
  }

  /** The oldest-named pending jobs, up to `limit`. */
  async pending(limit: number): Promise<string[]> {
    const page = await this.kv.list(JOB_PREFIX, { limit })

    return page.paths.map((p) => p.slice(JOB_PREFIX.length))
  }
}

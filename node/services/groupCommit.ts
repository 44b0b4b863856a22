/**
 * Group commit: callers that change the same record concurrently are folded
 * into one write. While a write for a key is in flight, new changes queue;
 * the next write applies all of them at once. Each caller's promise settles
 * when the write carrying its change commits (or fails), so nothing is
 * acknowledged before it is stored. Shared by every request of the process.
 */
type Waiter = { resolve: () => void; reject: (e: unknown) => void }

interface Pending<C> {
  changes: C[]
  waiters: Waiter[]
  running: boolean
}

export class GroupCommit<C> {
  private readonly pending = new Map<string, Pending<C>>()

  /** Queues `change` under `key`; `write` stores a batch (it runs once per batch). */
  add(
    key: string,
    change: C,
    write: (batch: C[]) => Promise<void>
  ): Promise<void> {
    let p = this.pending.get(key)

    if (!p) {
      p = { changes: [], waiters: [], running: false }
      this.pending.set(key, p)
    }

    const entry = p
    const done = new Promise<void>((resolve, reject) =>
      entry.waiters.push({ resolve, reject })
    )

    entry.changes.push(change)
    if (!entry.running) this.drain(key, entry, write).catch(() => undefined) // drain settles every waiter itself

    return done
  }

  private async drain(
    key: string,
    p: Pending<C>,
    write: (batch: C[]) => Promise<void>
  ) {
    p.running = true
    while (p.changes.length) {
      const batch = p.changes.splice(0)
      const waiters = p.waiters.splice(0)

      try {
        await write(batch)
        waiters.forEach((w) => w.resolve())
      } catch (e) {
        waiters.forEach((w) => w.reject(e))
      }
    }

    p.running = false
    this.pending.delete(key)
  }
}

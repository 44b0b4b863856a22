import { GroupCommit } from './groupCommit'

describe('GroupCommit', () => {
  it('folds changes made while a write is in flight into the next write', async () => {
    const gc = new GroupCommit<number>()
    const batches: number[][] = []
    const write = async (batch: number[]) => {
      batches.push(batch)
      await new Promise((r) => setTimeout(r, 5))
    }

    await Promise.all([1, 2, 3, 4, 5].map((n) => gc.add('k', n, write)))
    expect(batches).toEqual([[1], [2, 3, 4, 5]])
  })

  it('keeps keys apart', async () => {
    const gc = new GroupCommit<string>()
    const seen: string[] = []

    await Promise.all([
      gc.add('a', 'x', async (b) => {
        seen.push(`a:${b}`)
      }),
      gc.add('b', 'y', async (b) => {
        seen.push(`b:${b}`)
      }),
    ])
    expect(seen.sort((a, b) => a.localeCompare(b))).toEqual(['a:x', 'b:y'])
  })

  it('rejects every caller of a failed write, and the next batch still runs', async () => {
    const gc = new GroupCommit<number>()
    let fail = true
    const write = async () => {
      await new Promise((r) => setTimeout(r, 1))
      if (fail) {
        fail = false
        throw new Error('storage down')
      }
    }

    const first = gc.add('k', 1, write)
    const second = gc.add('k', 2, write)

    await expect(first).rejects.toThrow('storage down')
    await expect(second).resolves.toBeUndefined()
  })
})

import { useState } from 'react'

const MAX = 50

const read = (key: string): string[] => {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? '[]')

    return Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : []
  } catch {
    return []
  }
}

/** Ids the admin dismissed, remembered in this browser (the latest 50). */
export function useDismissed(key: string) {
  const [ids, setIds] = useState<string[]>(() => read(key))

  return {
    has: (id: string) => ids.includes(id),
    add: (id: string) => {
      const next = [id, ...ids.filter((i) => i !== id)].slice(0, MAX)

      setIds(next)
      try {
        window.localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Private mode or full storage: dismissed for this page only.
      }
    },
  }
}

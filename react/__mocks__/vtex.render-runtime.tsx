/**
 * Jest stand-in for vtex.render-runtime: an in-memory route (query, path)
 * that tests set and read. `navigate` and `setQuery` change it and re-render
 * every component that reads it, as the real runtime does.
 */
import { useEffect, useState } from 'react'

type Query = Record<string, string | undefined>

const state = {
  path: '/admin/app/marketplace-bridge',
  query: {} as Query,
  history: [] as string[],
}

const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

const clean = (q: Query) =>
  Object.fromEntries(
    Object.entries(q).filter(([, v]) => v != null && v !== '')
  ) as Query

export const runtimeMock = {
  state,
  reset(query: Query = {}, path = '/admin/app/marketplace-bridge') {
    state.path = path
    state.query = clean(query)
    state.history = []
    emit()
  },
}

export function useRuntime() {
  const [, setTick] = useState(0)

  useEffect(() => {
    const l = () => setTick((t) => t + 1)

    listeners.add(l)

    return () => {
      listeners.delete(l)
    }
  }, [])

  return {
    query: state.query,
    route: { id: 'admin.app.marketplace-bridge', path: state.path, params: {} },
    culture: {
      locale: 'en-US',
      language: 'en',
      country: 'USA',
      currency: 'USD',
    },
    setQuery(
      query: Query,
      options: { merge?: boolean; replace?: boolean } = {}
    ) {
      state.query = clean(
        options.merge === false ? query : { ...state.query, ...query }
      )
      state.history.push(
        `?${new URLSearchParams(state.query as Record<string, string>)}`
      )
      emit()

      return true
    },
    navigate(options: { to?: string; query?: string }) {
      const [path, qs] = (options.to ?? state.path).split('?')

      state.path = path
      state.query = clean(
        Object.fromEntries(new URLSearchParams(options.query ?? qs ?? ''))
      )
      state.history.push(options.to ?? '')
      emit()

      return true
    },
  }
}

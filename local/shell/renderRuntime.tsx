/**
 * The local stand-in for vtex.render-runtime (esbuild maps the import to this
 * file): what the admin pages use of it — the route and its parsed query,
 * `setQuery` and `navigate` (the browser's URL and history follow, as the
 * VTEX Admin's do), and the culture of the language switch. The page code
 * cannot tell it from the real runtime.
 */
import type { ReactNode } from 'react'
import React, { createContext, useContext, useEffect, useState } from 'react'

import routes from '../../admin/routes.json'

type Query = Record<string, string | undefined>

interface Route {
  id: string
  path: string
  params: Record<string, string>
}

const CULTURES: Record<
  string,
  { locale: string; country: string; currency: string }
> = {
  pt: { locale: 'pt-BR', country: 'BRA', currency: 'BRL' },
  en: { locale: 'en-US', country: 'USA', currency: 'USD' },
  es: { locale: 'es-AR', country: 'ARG', currency: 'ARS' },
}

const ROUTES = routes as Record<
  string,
  { path?: string; component?: string; around?: string[] }
>

/** The route of admin/routes.json whose path is this one (render-runtime's match). */
export function matchRoute(pathname: string): Route | null {
  const clean = pathname.replace(/\/+$/, '') || '/'
  const hit = Object.entries(ROUTES).find(
    ([, r]) => r.path && r.path.replace(/\/+$/, '') === clean
  )

  return hit ? { id: hit[0], path: clean, params: {} } : null
}

const parseQuery = (search: string): Query =>
  Object.fromEntries(new URLSearchParams(search))

const queryString = (q: Query) =>
  new URLSearchParams(
    Object.entries(q).filter(([, v]) => v != null && v !== '') as Array<
      [string, string]
    >
  ).toString()

interface Location {
  pathname: string
  search: string
}

const RuntimeContext = createContext<{
  location: Location
  go: (to: string, replace: boolean) => void
  language: string
} | null>(null)

/** Mounted by the shell around the route's components. */
export function RuntimeProvider({
  language,
  children,
}: {
  language: string
  children: ReactNode
}) {
  const read = () => ({
    pathname: window.location.pathname,
    search: window.location.search,
  })

  const [location, setLocation] = useState<Location>(read)

  useEffect(() => {
    const onPop = () => setLocation(read())

    window.addEventListener('popstate', onPop)

    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const go = (to: string, replace: boolean) => {
    const url = new URL(to, window.location.href)
    const next = `${url.pathname}${url.search}`

    if (next === `${window.location.pathname}${window.location.search}`) return
    if (replace) window.history.replaceState(null, '', next)
    else window.history.pushState(null, '', next)
    setLocation(read())
  }

  return (
    <RuntimeContext.Provider value={{ location, go, language }}>
      {children}
    </RuntimeContext.Provider>
  )
}

export function useLocation() {
  const ctx = useContext(RuntimeContext)

  if (!ctx) throw new Error('useLocation outside RuntimeProvider')

  return ctx.location
}

export function useRuntime() {
  const ctx = useContext(RuntimeContext)

  if (!ctx) throw new Error('useRuntime outside RuntimeProvider')
  const { location, go, language } = ctx
  const query = parseQuery(location.search)
  const route = matchRoute(location.pathname) ?? {
    id: '',
    path: location.pathname,
    params: {},
  }

  const culture = CULTURES[language] ?? CULTURES.pt

  return {
    query,
    route,
    culture: { ...culture, language },
    setQuery(
      next: Query,
      options: { merge?: boolean; replace?: boolean } = {}
    ) {
      const merged = options.merge === false ? next : { ...query, ...next }
      const qs = queryString(merged)

      go(`${location.pathname}${qs ? `?${qs}` : ''}`, Boolean(options.replace))

      return true
    },
    navigate(options: {
      page?: string
      to?: string
      query?: string
      replace?: boolean
    }) {
      const path = options.page ? ROUTES[options.page]?.path : options.to

      if (!path) return false
      const [pathname, qs] = path.split('?')
      const q = options.query ?? qs

      go(`${pathname}${q ? `?${q}` : ''}`, Boolean(options.replace))

      return true
    },
  }
}

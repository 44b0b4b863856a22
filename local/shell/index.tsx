/**
 * The local stand-in for the VTEX Admin around the app's page: what
 * render-runtime provides there (IntlProvider with the app's messages in the
 * culture's locale, ApolloProvider talking to the app's GraphQL, the route of
 * admin/routes.json rendered as render-runtime nests it: a parent route's
 * component gets the nested route as children, `around` components wrap it,
 * and vtex.render-runtime's hooks in ./renderRuntime.tsx) plus a language
 * switch. Like render-runtime, the link strips the client-only @context
 * directive.
 */
import type { ComponentType, ReactNode } from 'react'
import React, { useState } from 'react'
import ReactDOM from 'react-dom'
import { IntlProvider } from 'react-intl'
import { ApolloProvider } from 'react-apollo'
import { ApolloClient } from 'apollo-client'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { ApolloLink } from 'apollo-link'
import { HttpLink } from 'apollo-link-http'
import { removeDirectivesFromDocument } from 'apollo-utilities'

import MarketplaceBridge from '../../react/MarketplaceBridge'
import MarketplaceBridgeLayout from '../../react/MarketplaceBridgeLayout'
import MarketplaceBridgeSettings from '../../react/MarketplaceBridgeSettings'
import routes from '../../admin/routes.json'
import { RuntimeProvider, matchRoute, useLocation } from './renderRuntime'
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'

const MESSAGES: Record<string, Record<string, string>> = { pt, en, es }
/** The react/ components admin/routes.json names (top-level files of react/). */
const COMPONENTS: Record<string, ComponentType<{ children?: ReactNode }>> = {
  MarketplaceBridge,
  MarketplaceBridgeLayout,
  MarketplaceBridgeSettings,
}

const ROUTES = routes as Record<
  string,
  { component?: string; around?: string[] }
>

/**
 * Renders a route as render-runtime does: `a.b` inside `a` (the parent's
 * component receives it as children), each level wrapped by its `around`.
 */
const RoutePage = () => {
  const { pathname } = useLocation()
  const route = matchRoute(pathname)

  if (!route) return <p>Not found</p>
  const parts = route.id.split('.')
  const ids = parts
    .map((_, i) => parts.slice(0, i + 1).join('.'))
    .filter((id) => ROUTES[id])

  return ids.reduceRight<ReactNode>((inner, id) => {
    const { component, around = [] } = ROUTES[id]
    const Page = component ? COMPONENTS[component] : null
    const page = Page ? <Page>{inner}</Page> : inner

    return around.reduceRight<ReactNode>((wrapped, name) => {
      const Around = COMPONENTS[ROUTES[name]?.component ?? '']

      return Around ? <Around>{wrapped}</Around> : wrapped
    }, page)
  }, null)
}

const LOCALES: Record<string, string> = {
  pt: 'pt-BR',
  en: 'en-US',
  es: 'es-AR',
}

const LANGUAGES = [
  { id: 'pt', label: 'Português' },
  { id: 'en', label: 'English' },
  { id: 'es', label: 'Español' },
]

const stripContext = new ApolloLink((operation, forward) => {
  operation.query = removeDirectivesFromDocument(
    [{ name: 'context' }],
    operation.query
  )!

  return forward!(operation)
})

const client = new ApolloClient({
  link: ApolloLink.from([
    stripContext,
    new HttpLink({ uri: '/_v/graphql', credentials: 'same-origin' }),
  ]),
  cache: new InMemoryCache({ addTypename: true }),
})

const initialLocale = () => {
  const saved = window.localStorage.getItem('bridge-locale')

  return saved && MESSAGES[saved] ? saved : 'pt'
}

const Shell = () => {
  const [locale, setLocale] = useState(initialLocale)
  const change = (next: string) => {
    window.localStorage.setItem('bridge-locale', next)
    setLocale(next)
  }

  React.useEffect(() => {
    document.documentElement.lang = LOCALES[locale]
  }, [locale])

  return (
    <>
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '8px 24px',
          background: '#142032',
          color: '#fff',
          font: '13px system-ui, sans-serif',
        }}
      >
        <span>VTEX Admin · local</span>
        <select
          aria-label="Language"
          data-testid="language"
          value={locale}
          onChange={(e) => change(e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </header>
      <RuntimeProvider language={locale}>
        <IntlProvider
          locale={LOCALES[locale]}
          messages={MESSAGES[locale]}
          key={locale}
        >
          <ApolloProvider client={client}>
            <RoutePage />
          </ApolloProvider>
        </IntlProvider>
      </RuntimeProvider>
    </>
  )
}

ReactDOM.render(<Shell />, document.getElementById('root'))

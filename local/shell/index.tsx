/**
 * The local stand-in for the VTEX Admin around the app's page: what
 * render-runtime provides there (IntlProvider with the app's messages,
 * ApolloProvider talking to the app's GraphQL) plus a language switch.
 * Like render-runtime, the link strips the client-only @context directive.
 */
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
import MarketplaceBridgeSettings from '../../react/MarketplaceBridgeSettings'
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'

const MESSAGES: Record<string, Record<string, string>> = { pt, en, es }
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

  return (
    <>
      <div
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
      </div>
      <IntlProvider locale={locale} messages={MESSAGES[locale]} key={locale}>
        <ApolloProvider client={client}>
          {/* admin/routes.json: the settings page has its own route. */}
          {window.location.pathname.endsWith('/settings') ? (
            <MarketplaceBridgeSettings />
          ) : (
            <MarketplaceBridge />
          )}
        </ApolloProvider>
      </IntlProvider>
    </>
  )
}

ReactDOM.render(<Shell />, document.getElementById('root'))

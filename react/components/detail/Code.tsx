import React from 'react'
import { csx } from '@vtex/admin-ui'

const pre = csx({
  background: '#f4f4f4',
  padding: '$space-3',
  borderRadius: '$base',
  overflow: 'auto',
  maxHeight: '15rem',
  fontSize: '0.75rem',
  margin: 0,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  ':focus-visible': { outline: '2px solid #1f4fd1' },
})

/**
 * A body as text, never as HTML (bodies come from marketplaces), captioned;
 * scrollable, so it takes keyboard focus.
 */
const Code = ({ caption, children }: { caption: string; children: string }) => (
  <figure className={csx({ margin: 0 })}>
    <figcaption className={csx({ text: '$detail', color: '$secondary' })}>
      {caption}
    </figcaption>
    {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
    <pre className={pre} tabIndex={0} data-server-text>
      {children}
    </pre>
  </figure>
)

export default Code

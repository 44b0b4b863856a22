import type { ReactNode } from 'react'
import React from 'react'
import { csx } from '@vtex/admin-ui'

const link = csx({
  color: '#1f4fd1',
  textDecoration: 'underline',
  fontWeight: 'inherit',
  ':focus-visible': { outline: '2px solid #1f4fd1', outlineOffset: '2px' },
})

/**
 * Opens a log's detail: a real link (its address is the page with `log=`, so
 * it can be copied or opened in a new tab), followed through render-runtime
 * when clicked; the element that opened the detail gets the focus back.
 */
const LogLink = ({
  href,
  label,
  onOpen,
  children,
}: {
  href: string
  label: string
  onOpen: (opener: HTMLElement) => void
  children: ReactNode
}) => (
  <a
    href={href}
    aria-label={label}
    className={link}
    data-testid="open-log"
    onClick={(e) => {
      e.stopPropagation()
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
      e.preventDefault()
      onOpen(e.currentTarget)
    }}
  >
    {children}
  </a>
)

export default LogLink

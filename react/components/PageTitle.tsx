import type { ReactNode } from 'react'
import React from 'react'
import { PageHeaderTitle, csx } from '@vtex/admin-ui'

const h1 = csx({ font: 'inherit', margin: 0 })

/** The page's one h1, in admin-ui's page title. */
const PageTitle = ({ children }: { children: ReactNode }) => (
  <PageHeaderTitle>
    <h1 className={h1}>{children}</h1>
  </PageHeaderTitle>
)

export default PageTitle

import React from 'react'
import { useIntl } from 'react-intl'
import { Menu, MenuButton, MenuItem, useMenuState } from '@vtex/admin-ui'

import type { LogStatus } from '../utils/types'

interface Props {
  id: string
  status: LogStatus
  onReprocess: (id: string) => void
  onRemove: (id: string) => void
}

/** "Reprocessar" only on errors; "Remover Log" on every log. */
const RowActions = ({ id, status, onReprocess, onRemove }: Props) => {
  const intl = useIntl()
  const state = useMenuState()
  const stop = (e: React.SyntheticEvent) => e.stopPropagation()

  return (
    <div onClick={stop} onKeyDown={stop} role="presentation">
      <MenuButton
        state={state}
        variant="neutralTertiary"
        labelHidden
        label={intl.formatMessage({
          id: 'admin/marketplace-bridge.actions.menu',
        })}
        data-testid={`actions-${id}`}
      />
      <Menu state={state}>
        {status === 'ERROR' ? (
          <MenuItem
            label={intl.formatMessage({
              id: 'admin/marketplace-bridge.actions.reprocess',
            })}
            onClick={() => onReprocess(id)}
          />
        ) : null}
        <MenuItem
          critical
          label={intl.formatMessage({
            id: 'admin/marketplace-bridge.actions.remove',
          })}
          onClick={() => onRemove(id)}
        />
      </Menu>
    </div>
  )
}

export default RowActions

import React, { useRef } from 'react'
import { useIntl } from 'react-intl'
import { Menu, MenuButton, MenuItem, useMenuState } from '@vtex/admin-ui'

interface Props {
  id: string
  /** The API's `canReprocess` for this row (the service decides, not the admin). */
  canReprocess: boolean
  onReprocess: (id: string) => void
  /** Asks first; focus comes back to this menu's button. */
  onRemove: (id: string, returnTo: HTMLElement | null) => void
}

/**
 * "Reprocessar" where the API offers it (`canReprocess`: the bridge's own
 * errors); "Remover Log" on every log.
 * Named for the log it acts on.
 */
const RowActions = ({ id, canReprocess, onReprocess, onRemove }: Props) => {
  const intl = useIntl()
  const state = useMenuState()
  const button = useRef<HTMLButtonElement>(null)
  const stop = (e: React.SyntheticEvent) => e.stopPropagation()

  return (
    <div onClick={stop} onKeyDown={stop} role="presentation">
      <MenuButton
        ref={button}
        state={state}
        variant="neutralTertiary"
        labelHidden
        label={intl.formatMessage(
          { id: 'admin/marketplace-bridge.actions.menuFor' },
          { id }
        )}
        data-testid={`actions-${id}`}
      />
      <Menu state={state}>
        {canReprocess ? (
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
          onClick={() => onRemove(id, button.current)}
        />
      </Menu>
    </div>
  )
}

export default RowActions

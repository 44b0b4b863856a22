import React from 'react'
import { useIntl } from 'react-intl'
import {
  Button,
  HeadingLevel,
  Modal,
  ModalContent,
  ModalDismiss,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  Text,
} from '@vtex/admin-ui'

import type { ConfirmState } from '../hooks/useConfirm'

/** Asks before an action that removes or resends logs, naming it and its size. */
const ConfirmDialog = ({ confirm }: { confirm: ConfirmState }) => {
  const intl = useIntl()
  const { request, state, opener } = confirm

  if (!request) return null

  return (
    <Modal
      state={state}
      size="small"
      finalFocusRef={opener}
      data-testid="confirm-dialog"
    >
      <ModalHeader>
        <HeadingLevel level={2}>
          <ModalTitle>{request.title}</ModalTitle>
        </HeadingLevel>
        <ModalDismiss
          aria-label={intl.formatMessage({
            id: 'admin/marketplace-bridge.confirm.cancel',
          })}
        />
      </ModalHeader>
      <ModalContent>
        <Text>{request.message}</Text>
      </ModalContent>
      <ModalFooter>
        <Button
          variant="tertiary"
          onClick={() => state.hide()}
          data-testid="confirm-cancel"
        >
          {intl.formatMessage({
            id: 'admin/marketplace-bridge.confirm.cancel',
          })}
        </Button>
        <Button
          variant={request.critical ? 'critical' : 'primary'}
          onClick={() => {
            state.hide()
            request.run()
          }}
          data-testid="confirm-ok"
        >
          {request.action}
        </Button>
      </ModalFooter>
    </Modal>
  )
}

export default ConfirmDialog

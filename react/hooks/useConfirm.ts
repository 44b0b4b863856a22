import type { RefObject } from 'react'
import { useRef, useState } from 'react'
import { useModalState } from '@vtex/admin-ui'

/** An action that asks first: what it does and to how many logs. */
export interface ConfirmRequest {
  title: string
  message: string
  /** The confirming button's label (the action's name). */
  action: string
  critical: boolean
  run: () => unknown
}

/**
 * One confirmation dialog for a page: `ask` opens it for an action; focus
 * returns to `returnTo` (or what had it) when it closes.
 */
export function useConfirm() {
  const state = useModalState()
  const [request, setRequest] = useState<ConfirmRequest | null>(null)
  const opener = useRef<HTMLElement | null>(null)

  const ask = (next: ConfirmRequest, returnTo?: HTMLElement | null) => {
    opener.current = returnTo ?? (document.activeElement as HTMLElement | null)
    setRequest(next)
    state.show()
  }

  return {
    state,
    request,
    ask,
    opener: opener as RefObject<HTMLElement>,
  }
}

export type ConfirmState = ReturnType<typeof useConfirm>

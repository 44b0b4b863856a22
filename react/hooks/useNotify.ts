import { useToast } from '@vtex/admin-ui'

type Toast = Parameters<ReturnType<typeof useToast>>[0]

/**
 * admin-ui's toasts without their close button: in 0.137.2 it is named
 * "Close toast" in every language. They go away by themselves (10 s), and a
 * toast with the same key replaces the previous one.
 */
export function useNotify() {
  const showToast = useToast()

  return (toast: Toast) => showToast({ ...toast, dismissible: false })
}

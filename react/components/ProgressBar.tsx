import React from 'react'
import { csx } from '@vtex/admin-ui'

const track = csx({
  width: '100%',
  height: '0.5rem',
  borderRadius: '$pill',
  bg: '$action.neutral.secondary',
  overflow: 'hidden',
})

const fill = csx({
  height: '100%',
  bg: '$action.main.primary',
  transition: 'width 300ms',
})

interface Props {
  /** 0–100. */
  percent: number
  /** What progresses, for assistive technology (already translated). */
  label: string
}

/** A determinate progress bar (admin-ui 0.137.2 has none): bulk actions and CSV exports. */
const ProgressBar = ({ percent, label }: Props) => (
  <div
    role="progressbar"
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={percent}
    aria-label={label}
    className={track}
  >
    <div className={fill} style={{ width: `${percent}%` }} />
  </div>
)

export default ProgressBar

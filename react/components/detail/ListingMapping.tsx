import React, { useState } from 'react'
import { useIntl } from 'react-intl'
import {
  Alert,
  Button,
  Heading,
  Inline,
  Stack,
  Text,
  TextInput,
  csx,
} from '@vtex/admin-ui'

import { useErrorText } from '../../hooks/useErrorText'
import { problemOf } from '../../utils/errors'
import type { LogDetailData } from './logDetailData'
import type { SkuListing } from './useSkuListings'
import { useSkuListings } from './useSkuListings'

/** Logs whose entity is a SKU sent to a marketplace: the ones a listing belongs to. */
export const showsListing = (log: LogDetailData) =>
  (log.tab === 'PRODUCTS' || log.tab === 'INVENTORY') && !log.partner

interface Props {
  log: LogDetailData
  marketplaceName: string
  busy: boolean
  onReprocess: (id: string) => void
}

type Editing = { replaces: SkuListing | null } | null

/**
 * The SKU's listing(s) on the log's marketplace, editable (set, replace,
 * remove) from the log's detail — the SKU_NOT_MAPPED alert's fix. After a
 * save, Reprocessar where the log allows it.
 */
const ListingMapping = ({ log, marketplaceName, busy, onReprocess }: Props) => {
  const intl = useIntl()
  const t = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/marketplace-bridge.${key}` }, values)

  const { errorText, fieldText } = useErrorText()
  const skus = useSkuListings(log.marketplace, log.entityId, !showsListing(log))
  const [editing, setEditing] = useState<Editing>(null)
  const [listingId, setListingId] = useState('')
  const [variationId, setVariationId] = useState('')
  const [failure, setFailure] = useState<unknown>(null)
  const [done, setDone] = useState<'saved' | 'removed' | null>(null)

  if (!showsListing(log) || skus.loadError) return null
  const problem = failure ? problemOf(failure) : null
  const fieldError = (field: string) => {
    const f = problem?.fields.find((p) => p.field === field)

    if (!f) return undefined

    return f.code === 'DUPLICATE' && f.params?.skuId
      ? t('detail.listing.heldBy', { skuId: String(f.params.skuId) })
      : fieldText(f)
  }

  const open = (replaces: SkuListing | null) => {
    setEditing({ replaces })
    setListingId(replaces?.listingId ?? '')
    setVariationId(replaces?.variationId ?? '')
    setFailure(null)
    setDone(null)
  }

  const act = (what: 'saved' | 'removed', run: () => Promise<void>) => {
    setFailure(null)
    setDone(null)
    run()
      .then(() => {
        setEditing(null)
        setDone(what)
      })
      .catch(setFailure)
  }

  const save = () =>
    act('saved', () =>
      skus.save({
        listingId,
        variationId: variationId || null,
        replacesListingId: editing?.replaces?.listingId ?? null,
        replacesVariationId: editing?.replaces?.variationId ?? null,
      })
    )

  const inline = problem && !problem.fields.some((f) => fieldError(f.field))

  return (
    <Stack
      space="$space-2"
      className={csx({ paddingTop: '$space-5' })}
      data-testid="listing-mapping"
    >
      <Heading as="h3">
        {t('detail.listing.title', { marketplace: marketplaceName })}
      </Heading>
      {skus.listings?.length === 0 ? (
        <Text tone="secondary">{t('detail.listing.none')}</Text>
      ) : null}
      {(skus.listings ?? []).map((l) => (
        <Inline
          key={`${l.listingId}/${l.variationId ?? ''}`}
          hSpace="$space-2"
          align="center"
        >
          <Text data-testid="listing-item">
            {t('detail.listing.item', {
              listingId: l.listingId,
              variationId: l.variationId ?? 'none',
              source: t(`detail.listing.source.${l.source}`),
            })}
          </Text>
          <Button
            variant="tertiary"
            disabled={skus.busy}
            aria-label={t('detail.listing.replace', { listingId: l.listingId })}
            onClick={() => open(l)}
          >
            {t('detail.listing.replaceButton')}
          </Button>
          <Button
            variant="tertiary"
            disabled={skus.busy}
            aria-label={t('detail.listing.remove', { listingId: l.listingId })}
            onClick={() => act('removed', () => skus.remove(l))}
          >
            {t('detail.listing.removeButton')}
          </Button>
        </Inline>
      ))}
      {editing ? (
        <form
          data-testid="listing-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            save()
          }}
        >
          <Inline hSpace="$space-2" vSpace="$space-2" align="flex-end">
            <TextInput
              label={t('detail.listing.listingId')}
              helpText={t('detail.listing.listingId.help')}
              value={listingId}
              error={Boolean(fieldError('listingId'))}
              errorText={fieldError('listingId')}
              onChange={(e) => setListingId(e.target.value)}
            />
            <TextInput
              label={t('detail.listing.variationId')}
              value={variationId}
              error={Boolean(fieldError('variationId'))}
              errorText={fieldError('variationId')}
              onChange={(e) => setVariationId(e.target.value)}
            />
            <Button type="submit" disabled={skus.busy}>
              {t('detail.listing.save')}
            </Button>
            <Button variant="tertiary" onClick={() => setEditing(null)}>
              {t('detail.listing.cancel')}
            </Button>
          </Inline>
        </form>
      ) : (
        <Inline>
          <Button
            variant="secondary"
            disabled={skus.busy || skus.listings == null}
            onClick={() => open(null)}
          >
            {t('detail.listing.add')}
          </Button>
        </Inline>
      )}
      <div aria-live="polite">
        {inline ? <Alert variant="critical">{errorText(failure)}</Alert> : null}
        {done ? (
          <Alert variant="positive" data-testid="listing-done">
            {t(`detail.listing.${done}`)}
            {done === 'saved' && !log.canReprocess
              ? ` ${t('detail.listing.nextChange')}`
              : ''}
          </Alert>
        ) : null}
      </div>
      {done === 'saved' && log.canReprocess ? (
        <Inline hSpace="$space-2" align="center">
          <Text>{t('detail.listing.reprocessHint')}</Text>
          <Button
            variant="secondary"
            disabled={busy}
            data-testid="listing-reprocess"
            onClick={() => onReprocess(log.id)}
          >
            {t('actions.reprocess')}
          </Button>
        </Inline>
      ) : null}
    </Stack>
  )
}

export default ListingMapping

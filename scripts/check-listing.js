'use strict'

/**
 * The App Store listing (developers.vtex.com, "Preparing your app for
 * distribution" and the marketing guidelines): public/metadata with a
 * 1024×1024 PNG icon, at least three desktop screenshots (PNG, up to
 * 700×400), licenses and listing messages in en-US, pt-BR and es-AR
 * (name ≤ 26 characters, headline ≤ 120), categories, and a support channel
 * that is the publisher's, never VTEX's own.
 * With --publish (npm run check:publish, before `vtex publish`) the
 * placeholders fail too: vendor "vtex" and the example support address.
 * A fresh clone keeps them, so plain `npm run lint` only reports them.
 */
const fs = require('fs')
const path = require('path')

const LOCALES = ['en-US', 'pt-BR', 'es-AR']
const PLACEHOLDER_VENDOR = 'vtex'
const PLACEHOLDER_SUPPORT = /example\.invalid/

/** Width and height of a PNG (its IHDR chunk), or null. */
function pngSize(file) {
  const b = fs.readFileSync(file)

  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG') return null

  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

function checkListing(root, { publish = false } = {}) {
  const problems = []
  const notes = []
  const at = (...p) => path.join(root, ...p)
  const meta = (...p) => at('public', 'metadata', ...p)
  const manifest = JSON.parse(fs.readFileSync(at('manifest.json'), 'utf8'))

  const icon = fs.existsSync(meta('images', 'icon.png'))
    ? pngSize(meta('images', 'icon.png'))
    : null

  if (!icon || icon.width !== 1024 || icon.height !== 1024)
    problems.push(
      'public/metadata/images/icon.png: a 1024×1024 PNG is required'
    )

  const shots = meta('images', 'screenshots', 'desktop')
  const pngs = fs.existsSync(shots)
    ? fs.readdirSync(shots).filter((f) => f.endsWith('.png'))
    : []

  if (pngs.length < 3)
    problems.push(
      `public/metadata/images/screenshots/desktop: ${pngs.length} screenshots, at least 3 wanted (npm run screenshots)`
    )
  for (const f of pngs) {
    const s = pngSize(path.join(shots, f))

    if (!s || s.width > 700 || s.height > 400)
      problems.push(
        `screenshot ${f}: PNG up to 700×400 (is ${
          s && `${s.width}×${s.height}`
        })`
      )
  }

  for (const locale of LOCALES) {
    const license = meta('licenses', `${locale}.md`)

    if (!fs.existsSync(license) || !fs.readFileSync(license, 'utf8').trim())
      problems.push(`public/metadata/licenses/${locale}.md is missing`)
    const file = meta('messages', `${locale}.json`)

    if (!fs.existsSync(file)) {
      problems.push(`public/metadata/messages/${locale}.json is missing`)
      continue
    }

    const m = JSON.parse(fs.readFileSync(file, 'utf8'))

    if (!m.name || m.name.length > 26)
      problems.push(`messages/${locale}.json: name of 1–26 characters`)
    if (!m.headline || m.headline.length > 120)
      problems.push(`messages/${locale}.json: headline of 1–120 characters`)
    if (!m.overview) problems.push(`messages/${locale}.json: no overview`)
    if (!Array.isArray(m.features) || m.features.length === 0)
      problems.push(`messages/${locale}.json: no features`)
  }

  if (!Array.isArray(manifest.categories) || !manifest.categories.length)
    problems.push('manifest.json: categories are empty')

  const support = (manifest.billingOptions || {}).support || {}
  const supportText = JSON.stringify(support)

  if (!support.email)
    problems.push('manifest.json: billingOptions.support.email is required')
  if (/vtex\.com/i.test(supportText))
    problems.push(
      "manifest.json: billingOptions.support points at VTEX's own support; it must be the publisher's (npm run support)"
    )

  const placeholders = []

  if (manifest.vendor === PLACEHOLDER_VENDOR)
    placeholders.push(
      `vendor is the placeholder "${PLACEHOLDER_VENDOR}" (npm run vendor -- <account>)`
    )
  if (PLACEHOLDER_SUPPORT.test(supportText))
    placeholders.push(
      'billingOptions.support is the placeholder (npm run support -- <email> [url])'
    )
  ;(publish ? problems : notes).push(...placeholders)

  return { problems, notes }
}

module.exports = { checkListing, pngSize }

if (require.main === module) {
  const publish = process.argv.includes('--publish')
  const { problems, notes } = checkListing(path.resolve(__dirname, '..'), {
    publish,
  })

  for (const n of notes) console.warn(`! ${n} (fails npm run check:publish)`)
  if (problems.length) {
    console.error(problems.map((p) => `✗ ${p}`).join('\n'))
    process.exit(1)
  }

  console.log(
    `check-listing: App Store listing complete${
      publish ? ', ready to publish' : ''
    }`
  )
}

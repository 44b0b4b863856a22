'use strict'

/**
 * An on-disk VBase speaking VBase's REST API, as the @vtex/api VBase client uses it:
 *   PUT|GET|HEAD|DELETE /buckets/{app}/{bucket}/files/{path}
 *   GET /buckets/{app}/{bucket}/files?prefix=&next=&limit=   -> { data: [{ path, hash }], next }
 * Every file has an ETag; If-Match (and If-None-Match: *) answer 412 on mismatch.
 * `next` is an opaque token, as VBase's is: the listing position sealed
 * (AES-256-GCM) with a key kept beside the data, so it can be stored and
 * replayed (after a restart too) but never read or forged; a token that does
 * not open, or that belongs to another bucket or prefix, is answered 400.
 * A listing gives at most MAX_LIST_LIMIT paths (10 when no limit is asked).
 * PUT ...files/{dir}?unzip=true unpacks a zip under {dir} (saveZippedContent).
 * Files live in memory and are written through to disk, so data survives a
 * restart; with no directory (benchmarks) they stay in memory only.
 */
const fs = require('fs')
const path = require('path')
const crypto = require('crypto')

const { unzipSync } = require('fflate')

/** The most paths one listing answers (the cap @vtex/api users work with). */
const MAX_LIST_LIMIT = 1000
const DEFAULT_LIST_LIMIT = 10

/** Seals and opens listing positions: opaque, stateless, replayable tokens. */
class CursorSeal {
  constructor(dir) {
    const file = dir && path.join(dir, 'cursor.key')

    if (file && fs.existsSync(file)) this.key = fs.readFileSync(file)
    else {
      this.key = crypto.randomBytes(32)
      if (file) fs.writeFileSync(file, this.key)
    }
  }

  seal(position) {
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([
      cipher.update(JSON.stringify(position), 'utf8'),
      cipher.final(),
    ])

    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
  }

  /** The position a token holds, or null when it is not one of ours. */
  open(token) {
    try {
      const raw = Buffer.from(String(token), 'base64url')
      const decipher = crypto.createDecipheriv(
        'aes-256-gcm',
        this.key,
        raw.subarray(0, 12)
      )

      decipher.setAuthTag(raw.subarray(12, 28))

      return JSON.parse(
        Buffer.concat([
          decipher.update(raw.subarray(28)),
          decipher.final(),
        ]).toString('utf8')
      )
    } catch {
      return null
    }
  }
}

class InvalidListToken extends Error {}

class VBaseStore {
  constructor(dir) {
    this.dir = dir
    this.buckets = new Map() // "account/workspace/app/bucket" -> Map(path -> { etag, type, body })
    this.sorted = new Map() // bucket key -> sorted paths (may hold deleted ones)
    this.pending = new Map() // bucket key -> paths added since the last sort
    this.version = 0
    this.calls = 0
    this.callsByKind = {}
    this.conflicts = 0
    this.conflictsByKind = {}
    this.latencyMs = 0
    if (dir) {
      fs.mkdirSync(dir, { recursive: true })
      this.load()
    }

    this.seal = new CursorSeal(dir)
  }

  load() {
    for (const file of fs.readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue
      const bucketKey = decodeURIComponent(file.slice(0, -5))
      const raw = JSON.parse(fs.readFileSync(path.join(this.dir, file), 'utf8'))
      const files = new Map(
        Object.entries(raw.files).map(([p, f]) => [
          p,
          { ...f, body: Buffer.from(f.body, 'base64') },
        ])
      )

      this.buckets.set(bucketKey, files)
      this.version = Math.max(this.version, raw.version || 0)
    }
  }

  bucket(key) {
    if (!this.buckets.has(key)) this.buckets.set(key, new Map())

    return this.buckets.get(key)
  }

  /** Writes a bucket to disk (debounced per bucket, flushed on exit). */
  persist(key) {
    if (!this.dir) return
    this.dirty = this.dirty || new Set()
    this.dirty.add(key)
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), 50)
  }

  flush() {
    if (!this.dir) return
    clearTimeout(this.flushTimer)
    this.flushTimer = null
    for (const key of this.dirty || []) {
      const target = path.join(this.dir, `${encodeURIComponent(key)}.json`)
      const tmp = `${target}.${process.pid}.tmp`
      const files = {}

      for (const [p, f] of this.bucket(key))
        files[p] = { ...f, body: f.body.toString('base64') }

      fs.writeFileSync(tmp, JSON.stringify({ version: this.version, files }))
      fs.renameSync(tmp, target)
    }

    this.dirty = new Set()
  }

  get(key, filePath) {
    return this.bucket(key).get(filePath) || null
  }

  put(key, filePath, body, type, { ifMatch, ifNoneMatch } = {}) {
    const files = this.bucket(key)
    const current = files.get(filePath)

    if (ifMatch !== undefined && (!current || current.etag !== ifMatch))
      return { status: 412 }
    if (ifNoneMatch === '*' && current) return { status: 412 }
    const etag = `"${++this.version}-${crypto
      .createHash('sha1')
      .update(body)
      .digest('hex')
      .slice(0, 12)}"`

    files.set(filePath, { etag, type, body: Buffer.from(body) })
    if (!current) this.added(key, filePath)
    this.persist(key)

    return { status: 200, etag }
  }

  /** A new path: sorted in at the next listing (one merge, not a re-sort). */
  added(key, filePath) {
    const sorted = this.sorted.get(key)

    if (sorted && sorted[lowerBound(sorted, filePath)] === filePath) return
    if (!this.pending.has(key)) this.pending.set(key, [])
    this.pending.get(key).push(filePath)
  }

  sortedPaths(key) {
    const files = this.bucket(key)
    let sorted = this.sorted.get(key)
    const pending = this.pending.get(key)

    if (!sorted) {
      sorted = [...files.keys()].sort()
      this.pending.delete(key)
    } else if (pending && pending.length) {
      pending.sort()
      const merged = new Array(sorted.length + pending.length)
      let i = 0
      let j = 0
      let k = 0

      while (i < sorted.length || j < pending.length) {
        if (
          j >= pending.length ||
          (i < sorted.length && sorted[i] < pending[j])
        )
          merged[k++] = sorted[i++]
        else merged[k++] = pending[j++]
      }

      sorted = merged
      this.pending.delete(key)
    }

    // Drop deleted paths once they are a sizeable part of the array.
    if ((this.deletedSince || 0) > 10000 || sorted.length > files.size * 2) {
      sorted = sorted.filter((p) => files.has(p))
      this.deletedSince = 0
    }

    this.sorted.set(key, sorted)

    return sorted
  }

  /** Unpacks a zip under `dir` (VBase's unzip upload). */
  putZip(key, dir, body) {
    const entries = unzipSync(new Uint8Array(body))

    for (const [name, content] of Object.entries(entries)) {
      if (name.endsWith('/')) continue
      this.put(key, `${dir}/${name}`, Buffer.from(content), 'application/json')
    }

    return Object.keys(entries).length
  }

  delete(key, filePath, { ifMatch } = {}) {
    const files = this.bucket(key)
    const current = files.get(filePath)

    if (!current) return { status: 404 }
    if (ifMatch !== undefined && current.etag !== ifMatch)
      return { status: 412 }
    files.delete(filePath)
    this.deletedSince = (this.deletedSince || 0) + 1
    this.persist(key)

    return { status: 204 }
  }

  /**
   * One listing page. `next` is a token from an earlier page of the same
   * bucket and prefix (InvalidListToken otherwise); the answer's `next` is a
   * new token, or null at the end.
   */
  list(key, { prefix = '', next, limit = DEFAULT_LIST_LIMIT }) {
    let after = null

    if (next) {
      const position = this.seal.open(next)

      if (!position || position.k !== key || position.p !== prefix)
        throw new InvalidListToken('The next token is not a listing position')
      after = position.a
    }

    const { data, last } = this.listAfter(key, prefix, after, limit)

    return {
      data,
      next:
        last === null ? null : this.seal.seal({ k: key, p: prefix, a: last }),
    }
  }

  listAfter(key, prefix, after, limit) {
    const all = this.sortedPaths(key)
    const files = this.bucket(key)
    // Binary search for the first path after the cursor (or at the prefix).
    const target = after && after >= prefix ? after : prefix
    let i = lowerBound(all, target)

    if (after && all[i] === after) i++
    const data = []

    for (
      ;
      i < all.length && data.length < limit && all[i].startsWith(prefix);
      i++
    ) {
      const f = files.get(all[i])

      if (f) data.push({ path: all[i], hash: f.etag })
    }

    while (i < all.length && all[i].startsWith(prefix) && !files.has(all[i]))
      i++
    const more = i < all.length && all[i].startsWith(prefix)

    return {
      data,
      last:
        more && data.length
          ? data[data.length - 1].path
          : more
          ? all[i - 1]
          : null,
    }
  }

  /** Express-free HTTP handler for /buckets/... relative to account/workspace. */
  async handle(req, res, { account, workspace, rest, query, body }) {
    this.calls++
    const kind = `${req.method} ${
      /\/files\/?$/.test(rest.split('?')[0])
        ? 'list'
        : query.get('unzip')
        ? 'zip'
        : 'file'
    }`

    this.callsByKind[kind] = (this.callsByKind[kind] || 0) + 1
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs))
    const m = /^\/buckets\/([^/]+)\/([^/]+)\/files(?:\/(.*))?$/.exec(rest)

    if (!m) return send(res, 404, { message: `No VBase route for ${rest}` })
    const [, app, bucket, rawPath] = m
    const key = `${account}/${workspace}/${app}/${bucket}`
    const filePath = rawPath ? decodeURIComponent(rawPath) : ''
    const { method } = req

    if (!filePath) {
      if (method === 'GET') {
        const asked = query.get('limit')
        const limit = asked === null ? DEFAULT_LIST_LIMIT : Number(asked)

        if (!Number.isInteger(limit) || limit < 1)
          return send(res, 400, {
            code: 'BadRequest',
            message: `limit must be a whole number ≥ 1 (got ${asked})`,
          })
        try {
          return send(
            res,
            200,
            this.list(key, {
              prefix: query.get('prefix') || '',
              next: query.get('next') || undefined,
              limit: Math.min(MAX_LIST_LIMIT, limit),
            })
          )
        } catch (e) {
          if (!(e instanceof InvalidListToken)) throw e

          return send(res, 400, { code: 'InvalidNext', message: e.message })
        }
      }

      if (method === 'DELETE') {
        this.buckets.set(key, new Map())
        this.sorted.delete(key)
        this.pending.delete(key)
        this.persist(key)

        return send(res, 204)
      }

      return send(res, 405, { message: 'Method not allowed' })
    }

    if (method === 'GET' || method === 'HEAD') {
      const f = this.get(key, filePath)

      if (!f)
        return send(res, 404, {
          code: 'FileNotFound',
          message: `File ${filePath} not found`,
        })
      res.writeHead(200, { 'Content-Type': f.type, ETag: f.etag })

      return res.end(method === 'HEAD' ? undefined : f.body)
    }

    if (method === 'PUT' && query.get('unzip') === 'true') {
      try {
        const count = this.putZip(key, filePath.replace(/\/$/, ''), body)

        return send(res, 200, { path: filePath, files: count })
      } catch (e) {
        return send(res, 400, { code: 'BadZip', message: String(e.message) })
      }
    }

    if (method === 'PUT') {
      const r = this.put(
        key,
        filePath,
        body,
        req.headers['content-type'] || 'application/octet-stream',
        {
          ifMatch: req.headers['if-match'],
          ifNoneMatch: req.headers['if-none-match'],
        }
      )

      if (r.status === 412) {
        this.conflicts++
        // By record kind: v2/log/…, v2/job/…
        const what = filePath.split('/').slice(0, 2).join('/')

        this.conflictsByKind[what] = (this.conflictsByKind[what] || 0) + 1

        return send(res, 412, {
          code: 'PreconditionFailed',
          message: `ETag mismatch for ${filePath}`,
        })
      }

      res.writeHead(200, { ETag: r.etag, 'Content-Type': 'application/json' })

      return res.end(JSON.stringify({ path: filePath, hash: r.etag }))
    }

    if (method === 'DELETE') {
      const r = this.delete(key, filePath, { ifMatch: req.headers['if-match'] })

      if (r.status === 412)
        return send(res, 412, {
          code: 'PreconditionFailed',
          message: `ETag mismatch for ${filePath}`,
        })
      if (r.status === 404)
        return send(res, 404, {
          code: 'FileNotFound',
          message: `File ${filePath} not found`,
        })

      return send(res, 204)
    }

    return send(res, 405, { message: 'Method not allowed' })
  }
}

function lowerBound(arr, target) {
  let lo = 0
  let hi = arr.length

  while (lo < hi) {
    const mid = (lo + hi) >> 1

    if (arr[mid] < target) lo = mid + 1
    else hi = mid
  }

  return lo
}

function send(res, status, json) {
  if (json === undefined) {
    res.writeHead(status)

    return res.end()
  }

  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(json))
}

module.exports = { VBaseStore, send, MAX_LIST_LIMIT, InvalidListToken }

// The bridge turns every rejection into a typed AppError and fans events out safely.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError, call, on, toAppError } from '@/api/bridge'
import { installWails, uninstallWails } from './helpers/wails'

afterEach(uninstallWails)

describe('toAppError', () => {
  it('keeps a well-formed AppError from the Go ErrorFormatter', () => {
    const e = toAppError({ code: 'rate_limited', key: 'errors.platform.rateLimited', args: { seconds: '35' }, message: 'slow down' })
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code: 'rate_limited', key: 'errors.platform.rateLimited', args: { seconds: '35' }, fallback: 'slow down' })
  })

  it('treats null args as no args', () => {
    expect(toAppError({ code: 'x', key: 'errors.notFound', args: null, message: '' }).args).toEqual({})
  })

  it('parses an AppError that arrives as a JSON string', () => {
    const e = toAppError(JSON.stringify({ code: 'dup', key: 'errors.account.duplicate', args: {}, message: 'dup' }))
    expect(e.key).toBe('errors.account.duplicate')
  })

  it('parses an AppError sent as JSON text inside an Error (how the Wails v2 runtime rejects)', () => {
    const wire = JSON.stringify({ code: 'send_empty', key: 'errors.send.emptyText', args: {}, message: 'empty text' })
    const e = toAppError(new Error(wire))
    expect(e).toMatchObject({ code: 'send_empty', key: 'errors.send.emptyText', fallback: 'empty text' })
  })

  it('drops "[object Object]" (an object the runtime stringified) as a fallback text', () => {
    const e = toAppError(new Error('[object Object]'))
    expect(e.key).toBe('errors.internal')
    expect(e.fallback).toBe('')
  })

  it.each([
    ['a plain string', 'database is locked', 'database is locked'],
    ['an Error (call timeout)', new Error('Call to app.Inbox.Reply timed out'), 'Call to app.Inbox.Reply timed out'],
    ['JSON text of another shape', '{"error":"boom"}', '{"error":"boom"}'],
    ['an object without a key', { message: 'odd' }, 'odd'],
    ['an object whose key is not an errors.* key', { key: 'nav.inbox', message: 'x' }, 'x'],
    ['undefined', undefined, ''],
    ['null', null, ''],
    ['a number', 42, ''],
  ])('maps %s to errors.internal', (_label, raw, fallback) => {
    const e = toAppError(raw)
    expect(e).toBeInstanceOf(AppError)
    expect(e.key).toBe('errors.internal')
    expect(e.code).toBe('internal')
    expect(e.fallback).toBe(fallback)
  })

  it('returns the same AppError it is given', () => {
    const e = new AppError('c', 'errors.notFound')
    expect(toAppError(e)).toBe(e)
  })

  it('turns list args into indexed named args', () => {
    expect(toAppError({ code: 'c', key: 'errors.invalidInput', args: ['bad'], message: '' }).args).toEqual({ 0: 'bad' })
  })
})

describe('call', () => {
  it('passes arguments to window.go.app.<Struct>.<Method> and resolves with its result', async () => {
    const search = vi.fn(async () => [])
    installWails({ Inbox: { Search: search } })
    await expect(call('Inbox', 'Search', 'hello', 20)).resolves.toEqual([])
    expect(search).toHaveBeenCalledWith('hello', 20)
  })

  it('rejects with AppError when the Go side rejects', async () => {
    installWails({
      Inbox: {
        Reply: async () => {
          throw { code: 'send_empty', key: 'errors.send.emptyText', args: {}, message: 'empty' }
        },
      },
    })
    const err = await call('Inbox', 'Reply', 1, '').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).key).toBe('errors.send.emptyText')
  })

  it('rejects with the AppError when the runtime wraps its JSON in an Error', async () => {
    installWails({
      Accounts: {
        ConnectTelegram: () =>
          Promise.reject(new Error(JSON.stringify({ code: 'token_format', key: 'errors.telegram.tokenFormat', args: {}, message: 'bad token' }))),
      },
    })
    const err = (await call('Accounts', 'ConnectTelegram', { token: 'x', name: '', baseUrl: '' }).catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.key).toBe('errors.telegram.tokenFormat')
  })

  it('rejects with errors.internal when the Go side rejects with a string', async () => {
    installWails({ Settings: { Get: () => Promise.reject('sql: no rows') } })
    const err = (await call('Settings', 'Get').catch((e: unknown) => e)) as AppError
    expect(err.key).toBe('errors.internal')
    expect(err.fallback).toBe('sql: no rows')
  })

  it('rejects with errors.internal when the binding is missing', async () => {
    uninstallWails()
    const err = (await call('Workspace', 'Status').catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.key).toBe('errors.internal')
  })

  it('rejects with AppError when the binding throws synchronously', async () => {
    installWails({
      Accounts: {
        List: () => {
          throw new TypeError('boom')
        },
      },
    })
    const err = (await call('Accounts', 'List').catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.fallback).toBe('boom')
  })
})

describe('on', () => {
  it('registers one runtime listener per event and fans out to every subscriber', () => {
    const w = installWails({})
    const a = vi.fn()
    const b = vi.fn()
    const offA = on('inbox:changed', a)
    const offB = on('inbox:changed', b)
    expect(w.listenerCount('inbox:changed')).toBe(1)
    w.emit('inbox:changed', { conversationIds: [1] })
    expect(a).toHaveBeenCalledWith({ conversationIds: [1] })
    expect(b).toHaveBeenCalledTimes(1)

    offA()
    w.emit('inbox:changed', { conversationIds: [2] })
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(2)

    offB()
    expect(w.listenerCount('inbox:changed')).toBe(0)
  })

  it('keeps delivering when one subscriber throws', () => {
    const w = installWails({})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const good = vi.fn()
    const off1 = on('message:state', () => {
      throw new Error('bad handler')
    })
    const off2 = on('message:state', good)
    w.emit('message:state', { id: 1 })
    expect(good).toHaveBeenCalled()
    off1()
    off2()
  })

  it('is a no-op without the Wails runtime', () => {
    uninstallWails()
    const off = on('sync:status', () => {})
    expect(() => off()).not.toThrow()
  })
})

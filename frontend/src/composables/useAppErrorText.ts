// Turns an AppError (or the AppError DTO embedded in Account / Message) into text in the
// current language: the translation of its key with its args, else its English fallback.
import { useI18n } from 'vue-i18n'
import { AppError, INTERNAL_ERROR_KEY, toAppError } from '@/api/bridge'
import type { AppErrorDTO } from '@/api/types'

export function useAppErrorText() {
  const { t, te } = useI18n()
  function errorText(err: AppError | AppErrorDTO | null | undefined): string {
    if (!err) return ''
    const e = err instanceof AppError ? err : toAppError(err)
    if (te(e.key)) {
      const args: Record<string, unknown> = { detail: '', seconds: '', max: '', ...e.args }
      return t(e.key, args)
    }
    return e.fallback || t(INTERNAL_ERROR_KEY)
  }
  return { errorText }
}

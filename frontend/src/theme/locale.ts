// naive-ui's own strings and date formats for each app locale.
import {
  dateEnUS,
  dateHiIN,
  dateRoRO,
  dateZhCN,
  dateZhTW,
  enUS,
  hiIN,
  roRO,
  zhCN,
  zhTW,
  type NDateLocale,
  type NLocale,
} from 'naive-ui'
import type { AppLocale } from '@/locales'

export const naiveLocales: Record<AppLocale, { locale: NLocale; dateLocale: NDateLocale }> = {
  en: { locale: enUS, dateLocale: dateEnUS },
  'zh-Hans': { locale: zhCN, dateLocale: dateZhCN },
  'zh-Hant': { locale: zhTW, dateLocale: dateZhTW },
  ro: { locale: roRO, dateLocale: dateRoRO },
  hi: { locale: hiIN, dateLocale: dateHiIN },
}

// zh-Hant strings of saved replies (templates, folders, tokens): exactly the keys of ./en.ts.
import type en from './en'

const zhHant: typeof en = {}

export default zhHant

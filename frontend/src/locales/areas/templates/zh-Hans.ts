// zh-Hans strings of saved replies (templates, folders, tokens): exactly the keys of ./en.ts.
import type en from './en'

const zhHans: typeof en = {}

export default zhHans

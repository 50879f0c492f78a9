// hi strings of saved replies (templates, folders, tokens): exactly the keys of ./en.ts.
import type en from './en'

const hi: typeof en = {}

export default hi

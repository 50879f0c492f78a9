// ro strings of saved replies (templates, folders, tokens): exactly the keys of ./en.ts.
import type en from './en'

const ro: typeof en = {}

export default ro

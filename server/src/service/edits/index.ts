/**
 * Pure YAML edit utilities: yaml nodes (chunk-relative offsets) and a context in, absolute
 * `OffsetEdit`s out. They keep the document's style (block or flow, indentation, sequence
 * indentation, JSON-like quoting, line ending) and always leave valid YAML.
 */
export { applyEdits, editsOverlap, eolOf, sortEdits } from './text';
export type { Eol } from './text';
export { RawBlock, RawYaml, detectStyle, renderFlow, renderScalar } from './render';
export type { YamlStyle, YamlValue } from './render';
export { editContext, findPair, contentEnd, pairEnd, keyStart, startOf, mapOf, seqOf, scalarOf, valueNode } from './nodes';
export type { EditContext } from './nodes';
export { insertPair, removePair, setPair, mapColumn, leadingCommentStart } from './mapEdits';
export type { InsertPlace } from './mapEdits';
export { addToSeqOf, appendItem, insertItem, removeItem, nodeSourceText, itemDash, movableItem, movableValue } from './seqEdits';
export { replaceScalar, renameScalars, scalarText } from './scalarEdits';
export { pairAt, parentOf, scalarAt } from './find';
export type { FoundPair } from './find';

/**
 * Attachment storage: content sniffing, safe display names, Content-Disposition and a
 * content-addressed file store. No business rules: which kinds a procedure accepts and how
 * large a dossier may grow are decided by the caller.
 */
export { type FileKind, fileKinds, mimeOf, extensionOf, sniffKind } from './kinds.js';
export { safeFileName, contentDisposition, foldToAscii } from './names.js';
export { type StoredFile, type PutOptions, type FileStore, createFileStore } from './store.js';

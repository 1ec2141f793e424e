import { DomainError, notFound } from '../../../platform/errors.js';

/** Errors of document search: `document.<reason>`, Vietnamese and English. */
export const searchErrors = {
  /** An agency filter outside what the reader sees: as if it did not exist. */
  notFound: () => notFound('document'),
  savedNotFound: () => notFound('saved search', 'document.saved_search_not_found'),
  savedNameTaken: () =>
    new DomainError('conflict', 'document.saved_search_name_taken', {
      vi: 'Bạn đã có một tìm kiếm đã lưu với tên này.',
      en: 'You already have a saved search with this name.',
    }),
  savedLimit: (max: number) =>
    new DomainError(
      'conflict',
      'document.saved_search_limit',
      {
        vi: `Mỗi người lưu được tối đa ${max} tìm kiếm; hãy xóa bớt.`,
        en: `At most ${max} saved searches per user; delete some first.`,
      },
      { max },
    ),
  savedOutdated: () =>
    new DomainError('conflict', 'document.saved_search_outdated', {
      vi: 'Tìm kiếm đã lưu không còn hợp lệ; hãy lưu lại.',
      en: 'The saved search is no longer valid; save it again.',
    }),
};

/** The states and actions of a dossier, their names, and which states are terminal or public. */
import type { LocalizedText } from '../../../platform/errors.js';

export const dossierStates = [
  'draft',
  'submitted',
  'received',
  'in_process',
  'awaiting_supplement',
  'paused',
  'transferred',
  'approved',
  'refused',
  'result_ready',
  'returned',
  'withdrawn',
  'cancelled',
] as const;
export type DossierState = (typeof dossierStates)[number];

export const dossierActions = [
  'submit',
  'receive',
  'refuse_reception',
  'request_supplement',
  'supplement',
  'start',
  'forward',
  'accept_transfer',
  'pause',
  'resume',
  'approve',
  'refuse',
  'attach_result',
  'return',
  'withdraw',
  'cancel',
  'extend',
] as const;
export type DossierAction = (typeof dossierActions)[number];

export const stateNames: Readonly<Record<DossierState, LocalizedText>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_process: { vi: 'Đang xử lý', en: 'In process' },
  awaiting_supplement: { vi: 'Chờ bổ sung', en: 'Awaiting supplement' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  transferred: { vi: 'Chuyển liên thông', en: 'Transferred to another agency' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  refused: { vi: 'Từ chối', en: 'Refused' },
  result_ready: { vi: 'Có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const actionNames: Readonly<Record<DossierAction, LocalizedText>> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  refuse_reception: { vi: 'Từ chối tiếp nhận', en: 'Refuse reception' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  supplement: { vi: 'Bổ sung hồ sơ', en: 'Supplement' },
  start: { vi: 'Bắt đầu xử lý', en: 'Start processing' },
  forward: { vi: 'Chuyển bước xử lý', en: 'Forward to the next step' },
  accept_transfer: { vi: 'Nhận hồ sơ liên thông', en: 'Accept the transfer' },
  pause: { vi: 'Tạm dừng xử lý', en: 'Pause' },
  resume: { vi: 'Tiếp tục xử lý', en: 'Resume' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  refuse: { vi: 'Từ chối giải quyết', en: 'Refuse' },
  attach_result: { vi: 'Cập nhật kết quả', en: 'Attach the result' },
  return: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  cancel: { vi: 'Hủy hồ sơ', en: 'Cancel' },
  extend: {
    vi: 'Xin lỗi và hẹn lại ngày trả kết quả',
    en: 'Apologise and set a new return date',
  },
};

/** States from which no action is possible. */
export const terminalStates: readonly DossierState[] = [
  'refused',
  'returned',
  'withdrawn',
  'cancelled',
];

/** States a dossier can be seen in from outside (public lookup): all but the private draft. */
export const publicStates: readonly DossierState[] = dossierStates.filter((s) => s !== 'draft');

export const isTerminal = (state: DossierState): boolean => terminalStates.includes(state);

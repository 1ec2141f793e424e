/**
 * Plain data for the one-stop forms of Circular 01/2018/TT-VPCP (carried on by Circular
 * 03/2025/TT-VPCP). Moments are `Date`s; every form also carries the IANA time zone in which
 * they are written on paper (the province's, Asia/Ho_Chi_Minh).
 */
export const formKinds = ['01', '02', '03', '04', '06'] as const;
export type FormKind = (typeof formKinds)[number];

export type FormAgency = {
  /** The supervising agency ("Ủy ban nhân dân thành phố Trà Vinh"); upper-cased in the header. */
  parentName?: string;
  /** The agency that receives and settles the dossier ("Ủy ban nhân dân xã Long Đức"). */
  name: string;
  /** The place in the place-and-date line ("Long Đức", "Trà Vinh"). */
  place: string;
  /** The desk's name in the text; "Bộ phận Tiếp nhận và Trả kết quả" when absent. */
  deskName?: string;
};

export type FormPerson = {
  fullName: string;
  address?: string;
  phone?: string;
  email?: string;
};

export type FormOfficer = { fullName: string; phone?: string };

export type FormCommon = {
  timeZone: string;
  /** When the paper is made: its place-and-date line and the PDF creation date. */
  issuedAt: Date;
  agency: FormAgency;
  /** The paper's number ("15/GTN-BPMC") when the agency numbers them. */
  number?: string;
  dossierCode: string;
  procedureName: string;
  applicant: FormPerson;
};

export type ProcessingTime = {
  value: number;
  unit: 'working_day' | 'day' | 'hour' | 'month';
};

/** Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export type ReceiptFormData = FormCommon & {
  officer: FormOfficer;
  /** The papers received: name and "số lượng / hình thức" ("01 bản chính", "01 bản sao"). */
  papers: readonly { name: string; quantity: string }[];
  /** Sets of papers received; 1 when absent. */
  setCount?: number;
  /** The legal processing time; null when the procedure sets none. */
  processingTime: ProcessingTime | null;
  receivedAt: Date;
  appointmentAt: Date;
  /** Where the result is collected (the desk's address, by post, online). */
  returnPlace: string;
  /** The lookup secret printed as "Mã tra cứu". */
  lookupCode: string;
  /** The public lookup address encoded in the QR code. */
  lookupUrl: string;
};

/** Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export type SupplementFormData = FormCommon & {
  officer: FormOfficer;
  items: readonly { content: string; reason: string }[];
  receivedAt?: Date;
  /** The date by which the applicant is asked to supplement, if one is set. */
  deadline?: Date;
};

/** Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export type RefusalFormData = FormCommon & {
  officer: FormOfficer;
  reason: string;
  receivedAt?: Date;
};

/** Mẫu số 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export type ApologyFormData = FormCommon & {
  /** How the applicant is addressed; "Ông/Bà" when unknown. */
  salutation?: 'Ông' | 'Bà';
  receivedAt: Date;
  previousAppointmentAt: Date;
  newAppointmentAt: Date;
  reason: string;
  /** The agency's leader: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC". */
  signer: { authority?: string; title: string; fullName: string };
  /** "Nơi nhận:" lines; "- Như trên;" and "- Lưu: VT." when absent. */
  recipients?: readonly string[];
};

/** One hand-over in the processing of a dossier. */
export type ControlRow = {
  at: Date;
  /** The step or the office holding the dossier ("Tiếp nhận hồ sơ", "Phòng Tư pháp"). */
  stepName: string;
  actorName: string;
  /** What happened ("Giao", "Nhận", "Trình ký", "Phê duyệt"). */
  actionLabel: string;
  note?: string;
  /** Against the step's due time, when the step is finished. */
  outcome?: 'early' | 'on_time' | 'late';
};

/** Mẫu số 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export type ControlFormData = FormCommon & {
  receivedAt: Date;
  appointmentAt: Date;
  handlingAgency?: string;
  coordinatingAgencies?: readonly string[];
  rows: readonly ControlRow[];
};

export type FormDataByKind = {
  '01': ReceiptFormData;
  '02': SupplementFormData;
  '03': RefusalFormData;
  '04': ApologyFormData;
  '06': ControlFormData;
};

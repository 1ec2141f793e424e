import type { ControlRow, FormCommon, FormDataByKind } from './types.js';

/**
 * Sample data for each form: used by the tests and handy for previewing a layout
 * (`renderForm('01', sampleForms['01'])`). The people and codes are fictitious.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const at = (iso: string): Date => new Date(`${iso}+07:00`);

const common: FormCommon = {
  timeZone: TZ,
  issuedAt: at('2021-03-05T08:42:00'),
  agency: {
    parentName: 'Ủy ban nhân dân thành phố Trà Vinh',
    name: 'Ủy ban nhân dân xã Long Đức',
    place: 'Long Đức',
  },
  number: '125/GTN-BPMC',
  dossierCode: 'X29263-210305-0007',
  procedureName:
    'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  applicant: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    address: 'Số 12, ấp Long Bình A, xã Long Đức, thành phố Trà Vinh, tỉnh Trà Vinh',
    phone: '0912 345 678',
    email: 'hongnhung.tv@example.vn',
  },
};

const officer = { fullName: 'Trần Văn Đức', phone: '0294 3855 123' };

const steps: Omit<ControlRow, 'at'>[] = [
  {
    stepName: 'Bộ phận Tiếp nhận và Trả kết quả',
    actorName: 'Trần Văn Đức',
    actionLabel: 'Tiếp nhận',
    outcome: 'on_time',
    note: 'Hồ sơ đầy đủ, hợp lệ',
  },
  {
    stepName: 'Công chức Tư pháp - Hộ tịch',
    actorName: 'Lê Thị Ánh Tuyết',
    actionLabel: 'Nhận xử lý',
    outcome: 'early',
  },
  {
    stepName: 'Lãnh đạo Ủy ban nhân dân xã',
    actorName: 'Thạch Sô Phết',
    actionLabel: 'Phê duyệt',
    outcome: 'on_time',
    note: 'Đồng ý ký giấy khai sinh',
  },
  {
    stepName: 'Bộ phận Tiếp nhận và Trả kết quả',
    actorName: 'Trần Văn Đức',
    actionLabel: 'Trả kết quả',
    outcome: 'on_time',
  },
];

export const sampleForms: FormDataByKind = {
  '01': {
    ...common,
    officer,
    papers: [
      { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', quantity: '01 bản chính' },
      { name: 'Giấy chứng sinh do cơ sở y tế cấp', quantity: '01 bản chính' },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ (nếu có)', quantity: '01 bản sao chứng thực' },
      { name: 'Tờ khai thay đổi thông tin cư trú', quantity: '01 bản chính' },
    ],
    processingTime: { value: 5, unit: 'working_day' },
    receivedAt: at('2021-03-05T08:30:00'),
    appointmentAt: at('2021-03-12T14:00:00'),
    returnPlace: 'Bộ phận Tiếp nhận và Trả kết quả Ủy ban nhân dân xã Long Đức',
    lookupCode: 'K7Q4-2MXD',
    lookupUrl: 'https://dichvucong.travinh.example.vn/tra-cuu?ma=X29263-210305-0007',
  },
  '02': {
    ...common,
    officer,
    receivedAt: at('2021-03-05T08:30:00'),
    deadline: at('2021-03-19T17:00:00'),
    items: [
      {
        content: 'Giấy chứng sinh do cơ sở y tế cấp',
        reason: 'Bản đã nộp là bản chụp, không có chữ ký và dấu của cơ sở y tế.',
      },
      { content: 'Tờ khai đăng ký khai sinh', reason: 'Chưa ghi nơi cư trú của người mẹ.' },
    ],
  },
  '03': {
    ...common,
    officer,
    receivedAt: at('2021-03-05T08:30:00'),
    reason:
      'Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân phường 7, thành phố Trà Vinh; yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã Long Đức',
  },
  '04': {
    ...common,
    issuedAt: at('2021-03-11T16:00:00'),
    number: '18/PXL-UBND',
    salutation: 'Bà',
    receivedAt: at('2021-03-05T08:30:00'),
    previousAppointmentAt: at('2021-03-12T14:00:00'),
    newAppointmentAt: at('2021-03-16T14:00:00'),
    reason: 'Cần xác minh thông tin cư trú của người mẹ với Công an xã',
    signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', fullName: 'Thạch Thị Sa Rươne' },
    recipients: ['- Như trên;', '- Chủ tịch, các Phó Chủ tịch UBND xã;', '- Lưu: VT, BPTN&TKQ.'],
  },
  '06': {
    ...common,
    receivedAt: at('2021-03-05T08:30:00'),
    appointmentAt: at('2021-03-12T14:00:00'),
    handlingAgency: 'Ủy ban nhân dân xã Long Đức',
    coordinatingAgencies: ['Công an xã Long Đức', 'Bảo hiểm xã hội thành phố Trà Vinh'],
    rows: steps.map((step, i) => ({
      ...step,
      at: new Date(at('2021-03-05T08:30:00').getTime() + i * 26 * 3600_000),
    })),
  },
};

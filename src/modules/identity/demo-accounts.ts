import type { RoleCode } from './roles.js';

/** Where a demo account sits: an agency found by abbreviation or GSO code. */
export type DemoAccount = {
  username: string;
  fullName: string;
  position: string | null;
  agency: { abbreviation: string } | { gsoCode: string } | null;
  role: RoleCode | null;
  description: string;
};

const longDuc = { gsoCode: '29263' }; // Xã Long Đức, Thành phố Trà Vinh
const phuong1 = { gsoCode: '29239' }; // Phường 1, Thành phố Trà Vinh
const stttt = { abbreviation: 'STTTT' };

/** The demo province's accounts, all with DEMO_PASSWORD (never created in production). */
export const demoAccounts: readonly DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Nguyễn Minh Quân',
    position: 'Quản trị hệ thống',
    agency: stttt,
    role: 'dept_admin',
    description: 'Quản trị Sở TT&TT — toàn tỉnh / department admin',
  },
  {
    username: 'qt.stttt',
    fullName: 'Trần Thị Thu Hà',
    position: 'Chuyên viên',
    agency: stttt,
    role: 'agency_admin',
    description: 'Quản trị đơn vị Sở TT&TT / agency admin',
  },
  {
    username: 'mc.stttt',
    fullName: 'Lê Văn Hùng',
    position: 'Chuyên viên',
    agency: stttt,
    role: 'one_stop_officer',
    description: 'Cán bộ một cửa Sở TT&TT / one-stop officer',
  },
  {
    username: 'cv.stttt',
    fullName: 'Phạm Thị Ngọc Lan',
    position: 'Chuyên viên',
    agency: stttt,
    role: 'specialist',
    description: 'Chuyên viên Sở TT&TT / specialist',
  },
  {
    username: 'ld.stttt',
    fullName: 'Huỳnh Văn Tâm',
    position: 'Phó Giám đốc',
    agency: stttt,
    role: 'leader',
    description: 'Phó Giám đốc Sở TT&TT / leader',
  },
  {
    username: 'vt.stttt',
    fullName: 'Võ Thị Mai',
    position: 'Văn thư',
    agency: stttt,
    role: 'clerk',
    description: 'Văn thư Sở TT&TT / clerk',
  },
  {
    username: 'qt.longduc',
    fullName: 'Thạch Sô Phia',
    position: 'Công chức Văn phòng - Thống kê',
    agency: longDuc,
    role: 'agency_admin',
    description: 'Quản trị UBND xã Long Đức / agency admin',
  },
  {
    username: 'mc.longduc',
    fullName: 'Kim Thị Sa Rươl',
    position: 'Công chức một cửa',
    agency: longDuc,
    role: 'one_stop_officer',
    description: 'Cán bộ một cửa xã Long Đức / one-stop officer',
  },
  {
    username: 'cv.longduc',
    fullName: 'Nguyễn Văn Phúc',
    position: 'Công chức Tư pháp - Hộ tịch',
    agency: longDuc,
    role: 'specialist',
    description: 'Công chức xã Long Đức / specialist',
  },
  {
    username: 'ld.longduc',
    fullName: 'Sơn Văn Dũng',
    position: 'Chủ tịch UBND xã',
    agency: longDuc,
    role: 'leader',
    description: 'Chủ tịch UBND xã Long Đức / leader',
  },
  {
    username: 'vt.longduc',
    fullName: 'Lâm Thị Bích Ngọc',
    position: 'Văn thư',
    agency: longDuc,
    role: 'clerk',
    description: 'Văn thư xã Long Đức / clerk',
  },
  {
    username: 'qt.phuong1',
    fullName: 'Đặng Quốc Bảo',
    position: 'Công chức Văn phòng - Thống kê',
    agency: phuong1,
    role: 'agency_admin',
    description: 'Quản trị UBND Phường 1 / agency admin',
  },
  {
    username: 'congdan',
    fullName: 'Trương Thị Kim Yến',
    position: null,
    agency: null,
    role: null,
    description: 'Công dân / citizen',
  },
];

/**
 * The demo province's bodies that are not administrative units (those come from the GSO
 * tree): Trà Vinh's provincial departments as organised in 2021 and the provincial party
 * committee. Abbreviations are the ones used in document symbols (`15/QĐ-STTTT`).
 */
export type DemoBody = { name: string; shortName: string; abbreviation: string };

export const demoProvince = {
  /** Province letter code of the electronic ids (Decision 20/2020/QĐ-TTg), as in `000.00.12.H59`. */
  electronicCode: 'H59',
  validFrom: '2021-01-01',
};

/** In this order: department k gets electronic id `000.00.<k>.H59`. */
export const demoDepartments: readonly DemoBody[] = [
  { name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'Văn phòng UBND tỉnh', abbreviation: 'VP' },
  { name: 'Sở Nội vụ', shortName: 'Sở Nội vụ', abbreviation: 'SNV' },
  { name: 'Sở Tư pháp', shortName: 'Sở Tư pháp', abbreviation: 'STP' },
  { name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', abbreviation: 'SKHĐT' },
  { name: 'Sở Tài chính', shortName: 'Sở Tài chính', abbreviation: 'STC' },
  { name: 'Sở Công Thương', shortName: 'Sở Công Thương', abbreviation: 'SCT' },
  {
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    abbreviation: 'SNNPTNT',
  },
  { name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT', abbreviation: 'SGTVT' },
  { name: 'Sở Xây dựng', shortName: 'Sở Xây dựng', abbreviation: 'SXD' },
  { name: 'Sở Tài nguyên và Môi trường', shortName: 'Sở TN&MT', abbreviation: 'STNMT' },
  { name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', abbreviation: 'STTTT' },
  {
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    abbreviation: 'SLĐTBXH',
  },
  { name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VH,TT&DL', abbreviation: 'SVHTTDL' },
  { name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', abbreviation: 'SKHCN' },
  { name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', abbreviation: 'SGDĐT' },
  { name: 'Sở Y tế', shortName: 'Sở Y tế', abbreviation: 'SYT' },
  { name: 'Thanh tra tỉnh', shortName: 'Thanh tra tỉnh', abbreviation: 'TTr' },
  { name: 'Ban Dân tộc', shortName: 'Ban Dân tộc', abbreviation: 'BDT' },
  { name: 'Ban Quản lý Khu kinh tế', shortName: 'BQL Khu kinh tế', abbreviation: 'BQLKKT' },
];

/** Public service units under a department, by the department's abbreviation. */
export const demoServiceUnits: Readonly<Record<string, readonly DemoBody[]>> = {
  STTTT: [
    {
      name: 'Trung tâm Công nghệ thông tin và Truyền thông',
      shortName: 'Trung tâm CNTT&TT',
      abbreviation: 'TTCNTT',
    },
  ],
};

export const demoPartyCommittee: DemoBody = {
  name: 'Tỉnh ủy Trà Vinh',
  shortName: 'Tỉnh ủy',
  abbreviation: 'TU',
};

export const demoPartyBodies: readonly DemoBody[] = [
  { name: 'Văn phòng Tỉnh ủy', shortName: 'VP Tỉnh ủy', abbreviation: 'VPTU' },
  { name: 'Ban Tổ chức Tỉnh ủy', shortName: 'Ban Tổ chức TU', abbreviation: 'BTCTU' },
  { name: 'Ban Tuyên giáo Tỉnh ủy', shortName: 'Ban Tuyên giáo TU', abbreviation: 'BTGTU' },
  { name: 'Ban Dân vận Tỉnh ủy', shortName: 'Ban Dân vận TU', abbreviation: 'BDVTU' },
  { name: 'Ban Nội chính Tỉnh ủy', shortName: 'Ban Nội chính TU', abbreviation: 'BNCTU' },
  { name: 'Ủy ban Kiểm tra Tỉnh ủy', shortName: 'UBKT Tỉnh ủy', abbreviation: 'UBKTTU' },
];

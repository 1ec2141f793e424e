import { randomUUID } from 'node:crypto';
import type { Session, TestApp } from './app.js';

/** A minimal PDF: enough for content sniffing (magic bytes) and a download round trip. */
export const pdfBytes = (text = 'OpenProvince test'): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

export const pngBytes = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

/** A multipart/form-data body built by hand (what a browser's FormData sends). */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; type?: string; field?: string },
) {
  const boundary = `----op${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
          `filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads one file as `session` to `url`. */
export function upload(
  session: Session,
  url: string,
  fields: Record<string, string>,
  file: { name: string; data: Buffer; type?: string },
) {
  const body = multipart(fields, file);
  return session.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      ...body.headers,
      ...(session.cookie ? { cookie: session.cookie } : {}),
      ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
    },
  });
}

export const applicant = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '084190001234',
  phone: '0912345678',
  email: 'nhung@example.vn',
  address: 'Ấp Long Bình, xã Long Đức, TP Trà Vinh',
};

/**
 * A procedure of the test's own, carried by every commune: 3 working days, a 20,000 VND fee,
 * two papers (one mandatory), one required e-form field, the default workflow unless given.
 */
export async function createTestProcedure(
  t: TestApp,
  admin: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  const sectors = await t.anonymous.get('/api/catalog/sectors');
  if (sectors.statusCode !== 200) throw new Error(`sectors: ${sectors.body}`);
  const sector = sectors.json().items.find((s: { name: string }) => s.name === 'Hộ tịch');
  const code = `T.${randomUUID().slice(0, 8)}`;
  const res = await admin.post('/api/catalog/procedures', {
    code,
    name: 'Thủ tục thử nghiệm đăng ký khai sinh',
    sectorId: sector.id,
    levels: ['commune'],
    onlineClass: 'full',
    submissionModes: ['online', 'desk', 'post'],
    processingTime: 3,
    timeUnit: 'working_day',
    feeVnd: 20000,
    papers: [
      {
        key: 'to_khai',
        name: 'Tờ khai đăng ký khai sinh',
        copies: '01 bản chính',
        mandatory: true,
        templateFile: null,
      },
      {
        key: 'giay_chung_sinh',
        name: 'Giấy chứng sinh',
        copies: '01 bản chính',
        mandatory: false,
        templateFile: null,
      },
    ],
    formFields: [
      { key: 'child_name', label: 'Họ tên người được khai sinh', type: 'text', required: true },
    ],
    workflow: null,
    implementers: { mode: 'custom', targets: [{ kind: 'commune_peoples_committee' }] },
    validFrom: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      t.clock.now(),
    ),
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create procedure: ${res.statusCode} ${res.body}`);
  return { id: res.json().id, code };
}

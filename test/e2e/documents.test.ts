import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, Office, WAIT } from './documents-helpers.js';

/**
 * The scenario in a real browser. The department admin looks after the certificates;
 * a specialist of the Department of Information and Communications composes a decision, the
 * deputy director (who first turns on TOTP in "My account") approves and signs it "KT. GIÁM
 * ĐỐC / PHÓ GIÁM ĐỐC" with his PIN and a TOTP code, the clerk numbers and issues it; it lands
 * in Xã Long Đức's incoming register, where the chairman directs it to an officer with a
 * deadline and the officer completes it; the sender sees the read receipt. The issued PDF,
 * downloaded from the page, validates with poppler's pdfsig and on the public verification
 * page; a tampered copy does not. Finally the admin revokes the chairman's certificate, and
 * his signing attempt is refused.
 */
describe('web app: official documents and certificates', () => {
  const office = new Office('documents');
  const { as, act, pickOption, openQueue, stateOf, shot, expectAccessible, nextOtp, enrolFrom } =
    office;
  const dir = mkdtempSync(path.join(tmpdir(), 'op-e2e-documents-'));

  let documentId = '';
  let symbol = '';
  let verifyCode = '';
  let issuedPdf: Buffer = Buffer.alloc(0);
  let incomingId = '';

  const summary = 'Về việc ban hành Kế hoạch chuyển đổi số năm 2021 của Sở';
  const deadline = () => {
    const d = new Date(Date.now() + 7 * 86_400_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return {
      text: `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`,
      iso: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
      month: d.getMonth(),
    };
  };

  beforeAll(office.start, 180_000);

  afterAll(async () => {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the department admin the certificate register, the token inventory and figures', async () => {
    const page = await as('admin');
    await page.getByTestId('side-menu').getByText('Chứng thư số', { exact: true }).click();
    await page.waitForURL('**/pki');
    const table = page.getByTestId('cert-table');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).toContain('Huỳnh Văn Tâm');
    expect(await table.textContent()).toContain('Sơn Văn Dũng');
    await shot(page, '01-pki-list');
    await expectAccessible(page, 'pki list');

    // filter: suspended → none of the demo certificates
    await pickOption(page, page.getByTestId('cert-filter-status'), 'Tạm dừng');
    await expect
      .poll(() => table.textContent(), { timeout: WAIT })
      .toContain('Không có chứng thư số nào');

    await page.getByRole('tab', { name: 'Sổ theo dõi USB token, SIM PKI' }).click();
    await expect
      .poll(() => page.getByTestId('cert-table').textContent(), { timeout: WAIT })
      .toContain('TOKEN-BCY-000127');
    await shot(page, '02-pki-inventory');

    await page.getByRole('tab', { name: 'Số liệu' }).click();
    await expect
      .poll(() => page.getByTestId('pki-kpis').textContent(), { timeout: WAIT })
      .toMatch(/Đang hoạt động \(cuối kỳ\)\s*\d+/);
    await shot(page, '03-pki-stats');
  });

  it('takes a certificate request, approves and issues it', async () => {
    const page = await as('admin');
    await page.goto(`${office.url}/pki`);
    await page.getByTestId('cert-request-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await pickOption(page, dialog.getByTestId('cert-user-select'), 'Võ Thị Mai');
    await shot(page, '04-pki-request');
    await page.getByTestId('cert-request-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="cert-table"] tr[data-holder="Võ Thị Mai"]');
    await row.first().waitFor({ timeout: WAIT });
    expect(await row.first().getAttribute('data-status')).toBe('requested');
    await row.first().getByTestId('cert-link').click();
    await page.getByTestId('cert-action-approve').click();
    await page.getByRole('dialog').getByLabel('Ghi chú').fill('Đủ điều kiện cấp.');
    await page.getByTestId('cert-approve-ok').click();
    await expect
      .poll(
        () => page.getByTestId('cert-status').locator('[data-status]').getAttribute('data-status'),
        {
          timeout: WAIT,
        },
      )
      .toBe('approved');
    await page.getByTestId('cert-action-issue').click();
    await page.getByTestId('cert-confirm-issue').click();
    await expect
      .poll(
        () => page.getByTestId('cert-status').locator('[data-status]').getAttribute('data-status'),
        {
          timeout: WAIT,
        },
      )
      .toBe('active');
    expect(await page.getByTestId('cert-history').textContent()).toContain('Đã duyệt, chờ cấp');
    await shot(page, '05-pki-detail');
    await expectAccessible(page, 'certificate detail');
  });

  it('lets the deputy director turn on TOTP and see his certificate with its PIN set', async () => {
    const page = await as('ld.stttt');
    await page.goto(`${office.url}/my-certificates`);
    await page.getByTestId('my-cert-need-totp').waitFor({ timeout: WAIT });
    await page.getByTestId('side-menu').getByText('Tài khoản của tôi').click();
    await page
      .getByTestId('totp-card')
      .getByRole('button', { name: 'Bật xác thực hai lớp' })
      .click();
    await page.getByTestId('totp-secret').waitFor();
    await enrolFrom(page, 'ld.stttt');
    await expect
      .poll(() => page.getByTestId('totp-card').textContent(), { timeout: WAIT })
      .not.toContain('Bật xác thực hai lớp để bảo vệ');
    await page.getByTestId('side-menu').getByText('Chứng thư số của tôi').click();
    const card = page.locator('[data-testid="my-cert"][data-status="active"]');
    await card.waitFor({ timeout: WAIT });
    expect(await card.textContent()).toContain('Đã đặt');
    expect(await page.getByTestId('my-cert-need-totp').count()).toBe(0);
    await shot(page, '06-my-certificates');
    await expectAccessible(page, 'my certificates');
  });

  it('has the specialist compose a decision and submit it to the deputy director', async () => {
    const page = await as('cv.stttt');
    await page.getByTestId('side-menu').getByText('Văn bản, điều hành').click();
    await page.waitForURL('**/documents*');
    await page.getByTestId('doc-compose').click();
    const form = page.getByTestId('doc-form');
    await form.waitFor();
    await pickOption(page, form.getByTestId('doc-type'), 'Quyết định (QĐ)');
    await form.getByLabel('Trích yếu nội dung').fill(summary);
    await pickOption(page, form.getByTestId('doc-authority'), 'KT.');
    await form.getByLabel('Chức danh người đứng đầu').fill('GIÁM ĐỐC');
    await pickOption(page, form.getByTestId('doc-signer'), 'Huỳnh Văn Tâm');
    await form.getByLabel('Chức vụ người ký (in trên văn bản)').fill('PHÓ GIÁM ĐỐC');
    // a recipient inside the platform, found without diacritics
    await form.getByTestId('doc-recipients').click();
    await page.keyboard.type('long duc');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'xã Long Đức' })
      .first()
      .click({ timeout: WAIT });
    await page.keyboard.press('Escape');
    expect(await form.getByTestId('doc-recipients').textContent()).toContain(
      'Ủy ban nhân dân xã Long Đức',
    );
    await form
      .getByTestId('doc-body')
      .fill(
        [
          'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
          'Theo đề nghị của Trưởng phòng Bưu chính, Viễn thông và Công nghệ thông tin.',
          'QUYẾT ĐỊNH:',
          'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2021.',
          'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
        ].join('\n'),
      );
    await shot(page, '07-compose');
    await expectAccessible(page, 'compose');
    await page.getByTestId('doc-save').click();
    await page.waitForURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/, { timeout: WAIT });
    documentId = page.url().split('/').at(-1)!;
    expect(await stateOf(page)).toBe('draft');
    expect(await page.getByTestId('doc-symbol').textContent()).toContain('QĐ-STTTT');

    await act(page, 'submit', 'in_review', async (dialog) => {
      await pickOption(page, dialog.getByTestId('submit-reviewers'), 'Huỳnh Văn Tâm');
      await page.keyboard.press('Escape');
      await dialog.getByLabel('Ý kiến').fill('Kính trình Phó Giám đốc xem xét, ký ban hành.');
    });
    await shot(page, '08-draft-submitted');
    await expectAccessible(page, 'outgoing draft');
  });

  it('has the deputy director approve it and sign it with his PIN and a TOTP code', async () => {
    const page = await as('ld.stttt');
    const list = await openQueue(page, 'review', summary);
    expect(await page.getByTestId('queue-review').textContent()).toMatch(/1/);
    await shot(page, '09-documents-home');
    await expectAccessible(page, 'documents home');
    await list.getByTestId('doc-link').first().click();
    await page.waitForURL(`**/documents/outgoing/${documentId}`);
    await act(page, 'approve', 'approved', async (dialog) => {
      await dialog.getByLabel('Ý kiến').fill('Đồng ý ban hành.');
    });
    // a wrong PIN is refused, the dialog stays open
    await page.getByTestId('action-sign').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('sign-as').textContent()).toContain(
      'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
    );
    await dialog.getByTestId('sign-pin').fill('000000');
    await dialog.getByTestId('sign-otp').fill(nextOtp('ld.stttt'));
    await page.getByTestId('act-sign-ok').click();
    await page.locator('.ant-message-error').waitFor({ timeout: WAIT });
    expect(await stateOf(page)).toBe('approved');
    await dialog.getByTestId('sign-pin').fill('123456');
    await dialog.getByTestId('sign-otp').fill(nextOtp('ld.stttt'));
    await shot(page, '10-sign-modal');
    await page.getByTestId('act-sign-ok').click();
    await expect.poll(() => stateOf(page), { timeout: WAIT }).toBe('signed');
    expect(await page.getByTestId('doc-history').textContent()).toContain('Ký số');
  });

  it('has the clerk number and issue it: NN/QĐ-STTTT, delivered to Long Đức', async () => {
    const page = await as('vt.stttt');
    const list = await openQueue(page, 'issue', summary);
    await list.getByTestId('doc-link').first().click();
    await page.waitForURL(`**/documents/outgoing/${documentId}`);
    await act(
      page,
      'issue',
      'issued',
      async (dialog) => {
        await expect
          .poll(() => dialog.getByTestId('issue-register').textContent(), { timeout: WAIT })
          .toMatch(/\d{2}\/QĐ-STTTT/);
      },
      '11-issue-modal',
    );
    symbol = ((await page.getByTestId('doc-title').textContent()) ?? '').trim();
    expect(symbol).toMatch(/^\d{2,}\/QĐ-STTTT$/);
    expect(await page.getByTestId('doc-receipts').textContent()).toContain(
      'Ủy ban nhân dân xã Long Đức',
    );
    const href = (await page.getByTestId('doc-verify-link').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/verify\/[A-Za-z0-9_-]{16,}$/);
    verifyCode = href.split('/').at(-1)!;

    // the issued PDF, downloaded from the page
    await page.getByTestId('doc-pdf-which').getByText('Bản phát hành').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('doc-pdf-download').click(),
    ]);
    const file = path.join(dir, 'issued.pdf');
    await download.saveAs(file);
    issuedPdf = readFileSync(file);
    expect(issuedPdf.subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, '12-issued');
    await expectAccessible(page, 'issued document');
  });

  it.skipIf(!hasTool('pdfsig') || !hasTool('certutil'))(
    'validates the downloaded PDF with poppler’s pdfsig trusting the platform’s root',
    async () => {
      const root = await fetch(`${office.url}/pki/ca/root.crt`);
      expect(root.status).toBe(200);
      const rootFile = path.join(dir, 'root.crt');
      writeFileSync(rootFile, Buffer.from(await root.arrayBuffer()));
      const nss = path.join(dir, 'nss');
      mkdirSync(nss, { recursive: true });
      expect(spawnSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']).status).toBe(0);
      const trust = (ascii: boolean) =>
        spawnSync('certutil', [
          '-A',
          '-d',
          `sql:${nss}`,
          '-n',
          'root',
          '-t',
          'CT,C,C',
          ...(ascii ? ['-a'] : []),
          '-i',
          rootFile,
        ]).status;
      if (trust(true) !== 0) expect(trust(false)).toBe(0);
      const out = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, path.join(dir, 'issued.pdf')], {
        encoding: 'utf8',
      });
      const text = `${out.stdout}${out.stderr}`;
      const signatures = text.split(/^Signature #\d+:/m).slice(1);
      expect(signatures, text).toHaveLength(2);
      for (const s of signatures) {
        expect(s).toContain('Signature Validation: Signature is Valid.');
        expect(s).toContain('Certificate Validation: Certificate is Trusted.');
      }
      expect(text).not.toMatch(/Digest Mismatch/i);
    },
  );

  it('arrives in Long Đức’s incoming register, where the chairman directs it', async () => {
    const page = await as('ld.longduc');
    const list = await openQueue(page, 'undirected', symbol);
    await shot(page, '13-incoming-register');
    await list.getByTestId('doc-link').first().click();
    await page.waitForURL(/\/documents\/incoming\/[0-9a-f-]{36}$/);
    incomingId = page.url().split('/').at(-1)!;
    await expect
      .poll(
        () =>
          page
            .getByTestId('incoming-signature')
            .getByTestId('verify-verdict')
            .getAttribute('data-verdict'),
        { timeout: WAIT },
      )
      .toBe('valid');
    await expectAccessible(page, 'incoming document');
    await act(
      page,
      'direct',
      'directed',
      async (dialog) => {
        await pickOption(page, dialog.getByTestId('direct-lead'), 'Nguyễn Văn Phúc');
        await dialog
          .getByTestId('direct-instructions')
          .fill('Giao công chức Tư pháp tham mưu triển khai.');
        // the deadline picked in the calendar, a week from now
        await dialog.getByTestId('direct-deadline').click();
        const panel = page.locator('.ant-picker-dropdown:visible');
        if (deadline().month !== new Date().getMonth()) {
          await panel.locator('.ant-picker-header-next-btn').click();
        }
        await panel.locator(`td[title="${deadline().iso}"]`).click();
      },
      '14-direct-modal',
    );
    expect(await page.getByTestId('direction-lead').textContent()).toBe('Nguyễn Văn Phúc');
    expect(await page.getByTestId('direction-deadline').textContent()).toBe(deadline().text);
    await shot(page, '15-incoming-directed');
  });

  it('is handled and completed by the officer it was assigned to', async () => {
    const page = await as('cv.longduc');
    const list = await openQueue(page, 'assigned', symbol);
    await list.getByTestId('doc-link').first().click();
    await page.waitForURL(`**/documents/incoming/${incomingId}`);
    await act(page, 'note', 'in_progress', async (dialog) => {
      await dialog.getByTestId('act-text').fill('Đã xây dựng dự thảo kế hoạch của xã.');
    });
    await act(page, 'complete', 'done', async (dialog) => {
      await dialog.getByTestId('act-text').fill('Đã ban hành kế hoạch chuyển đổi số của xã.');
    });
    expect(await page.getByTestId('doc-history').textContent()).toContain('Hoàn thành');
    await shot(page, '16-incoming-done');
  });

  it('shows the sender the delivery and the read receipt', async () => {
    const page = await as('cv.stttt');
    await page.goto(`${office.url}/documents/outgoing/${documentId}`);
    const receipts = page.getByTestId('doc-receipts');
    await receipts.waitFor({ timeout: WAIT });
    await receipts.getByTestId('doc-read-receipt').waitFor({ timeout: WAIT });
    expect(await receipts.textContent()).toContain('Hoàn thành');
    await shot(page, '17-receipts');
  });

  it('finds it by a search without diacritics, and keeps the search', async () => {
    const page = await as('cv.stttt');
    await page.getByTestId('side-menu').getByText('Văn bản, điều hành').click();
    await page.getByTestId('doc-search').click();
    await page.waitForURL('**/documents/search');
    const box = page.getByTestId('search-box').locator('input');
    await box.fill('ke hoach chuyen doi so');
    await box.press('Enter');
    await expect
      .poll(() => page.getByTestId('search-results').textContent(), { timeout: WAIT })
      .toContain(symbol);
    await page.getByTestId('search-save').click();
    await page.getByRole('dialog').getByLabel('Tên tìm kiếm').fill('Chuyển đổi số');
    await page.getByTestId('search-save-modal-ok').click();
    await page
      .getByTestId('saved-search')
      .filter({ hasText: 'Chuyển đổi số' })
      .waitFor({ timeout: WAIT });
    await shot(page, '18-search');
    await expectAccessible(page, 'search');
  });

  it('lets the clerk file it in the year’s file plan and export the file', async () => {
    const page = await as('vt.stttt');
    await page.goto(`${office.url}/documents/records`);
    await page.getByTestId('plan-create-open').click();
    await page
      .getByRole('dialog')
      .getByLabel('Đề mục')
      .fill('01 | Tổng hợp, hành chính\n02 | Chuyển đổi số');
    await page.getByTestId('plan-create-ok').click();
    await page.getByTestId('file-plan').waitFor({ timeout: WAIT });
    await page.getByTestId('file-create-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tiêu đề hồ sơ').fill('Kế hoạch chuyển đổi số năm 2021');
    await page.getByTestId('file-create-ok').click();
    await page.waitForURL(/\/documents\/records\/files\/[0-9a-f-]{36}$/, { timeout: WAIT });
    await page.getByTestId('file-add-open').click();
    await page.getByTestId('file-add-document').click();
    await page.keyboard.type('chuyen doi so');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: symbol })
      .first()
      .click({ timeout: WAIT });
    await page.getByTestId('file-add-ok').click();
    await expect
      .poll(() => page.getByTestId('file-documents').textContent(), { timeout: WAIT })
      .toContain(symbol);
    const href = (await page.getByTestId('file-export').getAttribute('href')) ?? '';
    const zip = await page.request.get(`${office.url}${href}`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(page, '19-record-file');
    await expectAccessible(page, 'record file');
  });

  it('validates on the public verification page, by its QR code and by upload; a changed copy fails', async () => {
    const context = await office.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => office.pageErrors.push(`public: ${err.message}`));
    await page.goto(`${office.url}/verify/${verifyCode}`);
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor({ timeout: WAIT });
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await page.getByTestId('verify-symbol').textContent()).toBe(symbol);
    expect(await page.getByTestId('verify-signature').count()).toBe(2);
    expect(await page.getByTestId('verify-report').textContent()).toContain('Huỳnh Văn Tâm');
    await shot(page, '20-verify-code');
    await expectAccessible(page, 'verify by code');
    const download = await page.request.get(
      `${office.url}${await page.getByTestId('verify-download').getAttribute('href')}`,
    );
    expect(Buffer.from(await download.body()).equals(issuedPdf)).toBe(true);

    await page.goto(`${office.url}/verify`);
    await page
      .getByTestId('verify-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: `${symbol}.pdf`, mimeType: 'application/pdf', buffer: issuedPdf });
    await expect
      .poll(() => page.getByTestId('verify-verdict').getAttribute('data-verdict'), {
        timeout: WAIT,
      })
      .toBe('valid');
    await shot(page, '21-verify-upload');
    await expectAccessible(page, 'verify by upload');

    // bytes appended after the last signature: changed after signing
    const changed = Buffer.concat([issuedPdf, Buffer.from('\n% changed after signing\n')]);
    await page
      .getByTestId('verify-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: changed });
    await expect
      .poll(() => page.getByTestId('verify-changed').getAttribute('data-changed'), {
        timeout: WAIT,
      })
      .toBe('true');
    expect(await page.getByTestId('verify-verdict').getAttribute('data-verdict')).not.toBe('valid');
    expect(await page.getByTestId('verify-verdict').textContent()).toContain(
      'Văn bản đã bị thay đổi sau khi ký',
    );
    await shot(page, '22-verify-changed');

    // and in English
    await page.getByTestId('portal-language').getByText('EN', { exact: true }).click();
    await page.goto(`${office.url}/verify/${verifyCode}`);
    await expect
      .poll(() => page.getByTestId('verify-verdict').textContent(), { timeout: WAIT })
      .toContain('The document is valid');
    await shot(page, '23-verify-english');
  });

  it('refuses a signature with a revoked certificate', async () => {
    const admin = await as('admin');
    await admin.goto(`${office.url}/pki`);
    const row = admin.locator(
      '[data-testid="cert-table"] tr[data-holder="Sơn Văn Dũng"][data-status="active"]',
    );
    await row.first().waitFor({ timeout: WAIT });
    await row.first().getByTestId('cert-link').click();
    await admin.getByTestId('cert-action-revoke').click();
    await pickOption(
      admin,
      admin.getByRole('dialog').getByTestId('cert-revoke-reason'),
      'Lộ khóa bí mật',
    );
    await shot(admin, '24-revoke');
    await admin.getByTestId('cert-revoke-ok').click();
    await expect
      .poll(
        () => admin.getByTestId('cert-status').locator('[data-status]').getAttribute('data-status'),
        {
          timeout: WAIT,
        },
      )
      .toBe('revoked');

    // the chairman drafts a document for himself to sign, and tries
    const page = await as('ld.longduc');
    await page.goto(`${office.url}/account`);
    await page
      .getByTestId('totp-card')
      .getByRole('button', { name: 'Bật xác thực hai lớp' })
      .click();
    await page.getByTestId('totp-secret').waitFor();
    await enrolFrom(page, 'ld.longduc');
    await page.goto(`${office.url}/documents/new`);
    const form = page.getByTestId('doc-form');
    await form.waitFor();
    await pickOption(page, form.getByTestId('doc-type'), 'Thông báo (TB)');
    await form.getByLabel('Trích yếu nội dung').fill('Về việc lịch tiếp công dân tháng này');
    await pickOption(page, form.getByTestId('doc-authority'), 'TM.');
    await form.getByLabel('Chức danh người đứng đầu').fill('ỦY BAN NHÂN DÂN');
    await pickOption(page, form.getByTestId('doc-signer'), 'Sơn Văn Dũng');
    await form.getByLabel('Chức vụ người ký (in trên văn bản)').fill('CHỦ TỊCH');
    await form.getByTestId('doc-body').fill('Ủy ban nhân dân xã thông báo lịch tiếp công dân.');
    await page.getByTestId('doc-save').click();
    await page.waitForURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/, { timeout: WAIT });
    await act(page, 'submit', 'approved');
    await page.getByTestId('action-sign').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('sign-pin').fill('123456');
    await dialog.getByTestId('sign-otp').fill(nextOtp('ld.longduc'));
    await page.getByTestId('act-sign-ok').click();
    const error = page.locator('.ant-message-error');
    await error.waitFor({ timeout: WAIT });
    expect(await error.textContent()).toMatch(/thu hồi|chứng thư số/);
    await shot(page, '25-sign-refused');
    expect(await stateOf(page)).toBe('approved');
  });

  it('raised no errors in the pages', () => {
    expect(office.pageErrors).toEqual([]);
  });
});

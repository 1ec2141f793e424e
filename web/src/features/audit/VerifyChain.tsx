import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { type VerifyResult, verifyChain } from './api';

/** "Check the chain": recomputes every hash on the server and reports the first broken link. */
export function VerifyChainButton({
  onResult,
}: {
  onResult: (result: VerifyResult | string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      onResult(await verifyChain());
    } catch (err) {
      onResult(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={run}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyChainResult({
  result,
  onClose,
}: {
  result: VerifyResult | string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const closable = { onClose };
  if (typeof result === 'string')
    return (
      <Alert
        type="error"
        showIcon
        title={result}
        closable={closable}
        style={{ marginBottom: 16 }}
      />
    );
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        closable={closable}
        style={{ marginBottom: 16 }}
        data-testid="audit-verify-ok"
        title={t('audit.verifyOk', { checked: result.checked })}
        description={
          <>
            {t('audit.verifyHead', { seq: result.headSeq, chains: result.chains.length })}{' '}
            <span className="op-mono">{result.headHash}</span>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={closable}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-broken"
      title={t('audit.verifyBroken')}
      description={
        result.firstBroken
          ? t('audit.verifyBrokenAt', {
              chain: result.firstBroken.chain,
              seq: result.firstBroken.seq,
              reason: t(`audit.brokenReason.${result.firstBroken.reason}`),
              checked: result.checked,
            })
          : t('audit.verifyOk', { checked: result.checked })
      }
    />
  );
}

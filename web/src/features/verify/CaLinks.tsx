import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where relying parties get the province's root certificate and the CRL (public files). */
export function CaLinks() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ marginTop: 16 }}>
      <Typography.Link href="/pki/ca/root.crt" download>
        <SafetyCertificateOutlined /> {t('verify.root')}
      </Typography.Link>
      <Typography.Link href="/pki/crl/issuing.crl" download>
        <SafetyCertificateOutlined /> {t('verify.crl')}
      </Typography.Link>
    </Flex>
  );
}

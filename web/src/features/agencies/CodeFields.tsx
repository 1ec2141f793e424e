import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Abbreviation, GSO code and electronic id, with the server's formats checked here first. */
export function CodeFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item
          name="abbreviation"
          label={t('agencies.field.abbreviation')}
          rules={[{ pattern: /^[^\s/]{1,20}$/, message: t('agencies.format.abbreviation') }]}
        >
          <Input placeholder="STTTT" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name="gsoCode"
          label={t('agencies.field.gsoCode')}
          rules={[{ pattern: /^\d{2,5}$/, message: t('agencies.format.gsoCode') }]}
        >
          <Input inputMode="numeric" placeholder="12345" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name="electronicId"
          label={t('agencies.field.electronicId')}
          rules={[
            {
              pattern: /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/,
              message: t('agencies.format.electronicId'),
            },
          ]}
        >
          <Input placeholder="000.00.12.H59" />
        </Form.Item>
      </Col>
    </Row>
  );
}

import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** Full name, e-mail, phone and position, checked like the server checks them. */
export function ProfileFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="fullName"
        label={t('users.field.fullName')}
        rules={[
          { required: true, whitespace: true },
          { min: 2, max: 200 },
        ]}
      >
        <Input autoComplete="off" data-testid="field-fullName" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="email"
            label={t('users.field.email')}
            rules={[{ type: 'email', message: t('users.emailFormat') }, { max: 200 }]}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('users.field.phone')}
            rules={[{ pattern: /^\+?[0-9 .-]{8,20}$/, message: t('users.phoneFormat') }]}
          >
            <Input type="tel" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="position" label={t('users.field.position')} rules={[{ max: 200 }]}>
        <Input autoComplete="off" data-testid="field-position" />
      </Form.Item>
    </>
  );
}

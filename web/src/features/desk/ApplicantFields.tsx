import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The applicant's identity fields under `applicant`, checked as the server checks them. */
export function ApplicantFields() {
  const { t } = useTranslation();
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('desk.new.required', { field: label }),
  });
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'fullName']}
          label={t('desk.applicant.fullName')}
          rules={[required(t('desk.applicant.fullName')), { max: 150 }]}
        >
          <Input autoComplete="off" maxLength={150} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'idNumber']}
          label={t('desk.applicant.idNumber')}
          extra={t('desk.applicant.idNumberHint')}
          rules={[
            required(t('desk.applicant.idNumber')),
            {
              pattern: /^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$/,
              message: t('desk.applicant.idNumberFormat'),
            },
          ]}
        >
          <Input autoComplete="off" inputMode="numeric" maxLength={12} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['applicant', 'phone']}
          label={t('desk.applicant.phone')}
          rules={[
            required(t('desk.applicant.phone')),
            { pattern: /^(\+84|0)[0-9]{9,10}$/, message: t('desk.applicant.phoneFormat') },
          ]}
        >
          <Input autoComplete="off" inputMode="tel" maxLength={13} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={['applicant', 'email']}
          label={t('desk.applicant.email')}
          rules={[{ type: 'email', message: t('desk.applicant.emailFormat') }, { max: 200 }]}
        >
          <Input autoComplete="off" inputMode="email" maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={['applicant', 'birthDate']} label={t('desk.applicant.birthDate')}>
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={['applicant', 'address']}
          label={t('desk.applicant.address')}
          rules={[required(t('desk.applicant.address')), { max: 300 }]}
        >
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={['applicant', 'organization']}
          label={t('desk.applicant.organization')}
          extra={t('desk.applicant.organizationHint')}
          rules={[{ max: 300 }]}
        >
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
      </Col>
    </Row>
  );
}

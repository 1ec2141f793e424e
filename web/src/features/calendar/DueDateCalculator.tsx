import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/feedback';
import { longDate } from '../../app/format';
import { calendarSettings, type CalendarSettings, type DueDate, dueDate } from './api';

/** Start (date and time) + working days → the appointment date, computed by the server. */
export function DueDateCalculator() {
  const { t } = useTranslation();
  const [result, setResult] = useState<DueDate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState<CalendarSettings | null>(null);

  useEffect(() => {
    calendarSettings().then(setSettings, () => setSettings(null));
  }, []);

  const compute = async (v: { start: Dayjs; days: number }) => {
    setBusy(true);
    try {
      // The picked time is a time in the province, whatever the browser's own time zone.
      const zone = settings?.timeZone ?? 'Asia/Ho_Chi_Minh';
      const start = dayjs.tz(v.start.format('YYYY-MM-DDTHH:mm:ss'), zone).format();
      setResult(await dueDate(start, v.days));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('calendar.due.title')} data-testid="due-date">
      {settings && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={t('calendar.due.rules', {
            cutoff: settings.cutoffHour,
            close: settings.officeCloseHour,
            tz: settings.timeZone,
          })}
        />
      )}
      <Form
        layout="vertical"
        initialValues={{ start: dayjs().second(0), days: 5 }}
        onFinish={compute}
      >
        <Form.Item name="start" label={t('calendar.due.start')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="L HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.due.days')} rules={[{ required: true }]}>
          <InputNumber min={0} max={366} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('calendar.due.compute')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          bordered
          column={1}
          data-testid="due-date-result"
          items={[
            {
              key: 'countedFrom',
              label: t('calendar.due.countedFrom'),
              children: longDate(result.countedFrom),
            },
            {
              key: 'dueDate',
              label: t('calendar.due.dueDate'),
              children: <strong>{longDate(result.dueDate)}</strong>,
            },
            {
              key: 'due',
              label: t('calendar.due.due'),
              children: dayjs(result.due)
                .tz(settings?.timeZone ?? 'Asia/Ho_Chi_Minh')
                .format('L LT'),
            },
          ]}
        />
      )}
    </Card>
  );
}

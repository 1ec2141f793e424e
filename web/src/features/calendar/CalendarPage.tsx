import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useFeedback } from '../../app/feedback';
import { useSession } from '../../app/session';
import { deleteDay, listDays, type SpecialDay } from './api';
import { DayModal } from './DayModal';
import { DayTable } from './DayTable';
import { DueDateCalculator } from './DueDateCalculator';

const FIRST_YEAR = 2020;

/** Public holidays, Tết and make-up days of a year, editable by the department; a due-date calculator. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const [year, setYear] = useState(dayjs().year());
  const [days, setDays] = useState<SpecialDay[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<SpecialDay | 'new' | null>(null);
  const manage = can('calendar.manage');
  const lastYear = Math.max(2027, dayjs().year() + 2);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDays((await listDays(year)).items);
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setLoading(false);
    }
  }, [year, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (day: SpecialDay) => {
    try {
      await deleteDay(day.date);
      feedback.success(t('calendar.deleted'));
      await load();
    } catch (err) {
      feedback.error(err);
    }
  };

  const daysOff = days.filter((d) => d.isDayOff).length;

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card
            title={
              <Flex align="center" gap={8} wrap>
                <label htmlFor="calendar-year">{t('calendar.year')}</label>
                <Select
                  id="calendar-year"
                  value={year}
                  onChange={setYear}
                  style={{ width: 100 }}
                  options={Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => ({
                    value: FIRST_YEAR + i,
                    label: String(FIRST_YEAR + i),
                  }))}
                  data-testid="calendar-year"
                />
                <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                  {t('calendar.summary', { count: days.length, off: daysOff })}
                </Typography.Text>
              </Flex>
            }
            extra={
              manage && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="calendar-add"
                >
                  {t('calendar.add')}
                </Button>
              )
            }
          >
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <DayTable
              days={days}
              loading={loading}
              manage={manage}
              onEdit={setEditing}
              onDelete={remove}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xxl={8}>
          <DueDateCalculator />
        </Col>
      </Row>
      <DayModal
        day={editing}
        year={year}
        onClose={() => setEditing(null)}
        onSaved={async (saved) => {
          setEditing(null);
          const savedYear = dayjs(saved.date).year();
          if (savedYear !== year) setYear(savedYear);
          else await load();
        }}
      />
    </>
  );
}

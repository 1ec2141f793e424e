import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markFieldErrors, useFeedback } from './feedback';

type Props<T> = {
  open: boolean;
  title: ReactNode;
  okText?: string;
  okDanger?: boolean;
  width?: number;
  initialValues?: Partial<T>;
  onCancel: () => void;
  /** Throwing keeps the dialog open; the error is shown as a toast and on the fields it names. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<void>;
  children: ReactNode;
  testId?: string;
};

/** A modal holding one vertical form; OK validates and submits it. */
export function FormModal<T extends object>({
  open,
  title,
  okText,
  okDanger,
  width,
  initialValues,
  onCancel,
  onSubmit,
  children,
  testId,
}: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const feedback = useFeedback();

  const finish = async (values: T) => {
    setBusy(true);
    try {
      await onSubmit(values, form);
    } catch (err) {
      feedback.error(err);
      markFieldErrors(form, err, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      okButtonProps={{ danger: okDanger, ...(testId ? { 'data-testid': `${testId}-ok` } : {}) }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid={testId}
    >
      <Form<T>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={finish}
        preserve={false}
      >
        {children}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

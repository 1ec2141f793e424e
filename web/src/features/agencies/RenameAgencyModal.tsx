import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/FormModal';
import { useFeedback } from '../../app/feedback';
import { updateAgency } from './api';
import { CodeFields } from './CodeFields';
import { NameFields } from './NameFields';
import type { AgencyDetail } from './types';

type Values = {
  name: string;
  shortName: string;
  abbreviation?: string;
  gsoCode?: string;
  electronicId?: string;
};

/** Corrects names and codes in place (a formal rename is a new agency with a succession). */
export function RenameAgencyModal({
  agency,
  onClose,
  onSaved,
}: {
  agency: AgencyDetail | null;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();

  const submit = async (v: Values) => {
    await updateAgency(agency!.id, {
      name: v.name.trim(),
      shortName: v.shortName.trim(),
      abbreviation: v.abbreviation?.trim() || null,
      gsoCode: v.gsoCode?.trim() || null,
      electronicId: v.electronicId?.trim() || null,
    });
    feedback.success(t('common.saved'));
    await onSaved();
  };

  return (
    <FormModal<Values>
      open={agency !== null}
      title={t('agencies.renameTitle', { name: agency?.shortName ?? '' })}
      onCancel={onClose}
      onSubmit={submit}
      width={620}
      initialValues={
        agency
          ? {
              name: agency.name,
              shortName: agency.shortName,
              abbreviation: agency.abbreviation ?? undefined,
              gsoCode: agency.gsoCode ?? undefined,
              electronicId: agency.electronicId ?? undefined,
            }
          : undefined
      }
    >
      <NameFields />
      <CodeFields />
    </FormModal>
  );
}

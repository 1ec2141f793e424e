import type { TFunction } from 'i18next';

/** "identity.role_grant" → "Cấp vai trò"; an unknown code shows as itself. */
export const actionLabel = (t: TFunction, action: string) =>
  t(`audit.actions.${action.replace(/\./g, '__')}`, { defaultValue: action });

export const targetTypeLabel = (t: TFunction, type: string) =>
  t(`audit.targetTypes.${type.replace(/\./g, '__')}`, { defaultValue: type });

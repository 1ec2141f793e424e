import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { carrierRule, ruleCovers } from './carriers.js';
import { defaultWorkflow, type WorkflowStep } from './schema.js';
import { checkWorkflow } from './validate.js';

const reasonOf = (steps: WorkflowStep[]): string | null => {
  try {
    checkWorkflow(steps);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('catalog.invalid_workflow');
    return (err as DomainError).extensions.reason as string;
  }
};

const step = (key: string, role: WorkflowStep['role'], sharePercent: number): WorkflowStep => ({
  key,
  name: { vi: key, en: key },
  role,
  agency: { kind: 'receiving' },
  sharePercent,
});

describe('checkWorkflow', () => {
  it('accepts the default workflow and a longer one with another agency', () => {
    expect(reasonOf([...defaultWorkflow])).toBeNull();
    expect(
      reasonOf([
        step('receive', 'one_stop_officer', 5),
        step('process', 'specialist', 40),
        {
          ...step('consult', 'specialist', 30),
          agency: { kind: 'agency', agencyId: '00000000-0000-4000-8000-000000000001' },
        },
        step('approve', 'leader', 20),
        step('return', 'one_stop_officer', 5),
      ]),
    ).toBeNull();
  });

  it('refuses each broken rule with its reason', () => {
    const [r, p, a, t] = defaultWorkflow.map((s) => ({ ...s }));
    expect(reasonOf([r!, t!])).toBe('too_few_steps');
    expect(reasonOf([p!, a!, t!])).toBe('first_not_reception');
    expect(reasonOf([r!, p!, a!])).toBe('last_not_return');
    expect(
      reasonOf([r!, p!, a!, { ...t!, agency: { kind: 'agency', agencyId: crypto.randomUUID() } }]),
    ).toBe('last_not_return');
    expect(reasonOf([r!, a!, p!, t!])).toBe('no_leader_before_return');
    expect(reasonOf([r!, p!, { ...a!, sharePercent: 21 }, t!])).toBe('shares_not_100');
    expect(reasonOf([r!, { ...p!, sharePercent: 59.5 }, { ...a!, sharePercent: 20.5 }, t!])).toBe(
      'share_not_integer',
    );
    expect(reasonOf([r!, { ...p!, key: 'receive' }, a!, t!])).toBe('duplicate_key');
  });
});

describe('carrierRule', () => {
  const none = { departmentAgencyId: null, carriedByDistricts: false, override: null };
  const dept = '00000000-0000-4000-8000-00000000000d';
  const commune = { id: 'c', kind: 'commune_peoples_committee' };
  const district = { id: 'd', kind: 'district_peoples_committee' };
  const department = { id: dept, kind: 'department' };
  const auto = { mode: 'auto' } as const;

  it('communes carry commune-level procedures; the sector department the province-level ones', () => {
    const rule = carrierRule(
      { levels: ['province', 'commune'], implementers: auto },
      { ...none, departmentAgencyId: dept },
    );
    expect(ruleCovers(rule, commune, 'district_peoples_committee')).toBe(true);
    expect(ruleCovers(rule, district, 'provincial_peoples_committee')).toBe(false);
    expect(ruleCovers(rule, department, 'provincial_peoples_committee')).toBe(true);
  });

  it('the district rule moves commune-level procedures to districts, only in a 3-tier tree', () => {
    const rule = carrierRule(
      { levels: ['commune'], implementers: auto },
      { ...none, carriedByDistricts: true },
    );
    expect(ruleCovers(rule, commune, 'district_peoples_committee')).toBe(false);
    expect(ruleCovers(rule, commune, 'provincial_peoples_committee')).toBe(true);
    expect(ruleCovers(rule, district, 'provincial_peoples_committee')).toBe(true);
    const both = carrierRule(
      { levels: ['commune'], implementers: auto },
      { ...none, override: 'both' },
    );
    expect(ruleCovers(both, commune, 'district_peoples_committee')).toBe(true);
    expect(ruleCovers(both, district, null)).toBe(true);
    const back = carrierRule(
      { levels: ['commune'], implementers: auto },
      { ...none, carriedByDistricts: true, override: 'commune' },
    );
    expect(ruleCovers(back, commune, 'district_peoples_committee')).toBe(true);
    expect(ruleCovers(back, district, null)).toBe(false);
  });

  it('external procedures are carried by nobody; custom ones by their targets only', () => {
    const external = carrierRule({ levels: ['commune'], implementers: { mode: 'external' } }, none);
    expect(ruleCovers(external, commune, null)).toBe(false);
    const custom = carrierRule(
      {
        levels: ['commune'],
        implementers: { mode: 'custom', targets: [{ kind: 'agency', agencyId: dept }] },
      },
      { ...none, carriedByDistricts: true },
    );
    expect(ruleCovers(custom, department, null)).toBe(true);
    expect(ruleCovers(custom, commune, null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { recommendChannels } from '../src/channels/recommend-channels.js';
import { evaluateCertification } from '../src/evaluate/evaluate-certification.js';
import { EligibilityError } from '../src/errors/eligibility-error.js';
import { checkProxyBinding } from '../src/proxy/check-proxy-binding.js';
import { getPreset } from '../src/profile/get-preset.js';
import { planReminders } from '../src/reminders/plan-reminders.js';

const national = getPreset('CN-DEFAULT');

describe('recommendChannels', () => {
  it('puts the own phone first for a person who can use it', () => {
    const ranked = recommendChannels({ hasSmartphone: true, usesWeChat: true });
    expect(ranked.map((r) => r.channel).slice(0, 3)).toStrictEqual(['app', 'miniProgram', 'eSocialSecurityCard']);
    expect(ranked[1]?.platforms).toStrictEqual(['wechat']);
    expect(ranked.every((r, i) => r.rank === i + 1 && r['zh-CN'].length > 0 && r.en.length > 0)).toBe(true);
  });

  it('puts 亲情服务 first without a usable phone but with a relative', () => {
    const ranked = recommendChannels({ hasSmartphone: false, relativeAvailable: true });
    expect(ranked[0]).toMatchObject({ channel: 'proxy', reason: 'relativeProxy', needsHelper: true });
  });

  it('offers a home visit to the immobile and the hospitalised, never a window', () => {
    expect(recommendChannels({ mobility: 'immobile' }).map((r) => r.channel)).toStrictEqual(['homeVisit']);
    const hospital = recommendChannels({ hospitalised: true, relativeAvailable: true });
    expect(hospital.map((r) => r.channel)).toStrictEqual(['proxy', 'homeVisit']);
    expect(hospital[1]?.reason).toBe('homeVisitHospitalised');
  });

  it('uses consular channels abroad and the right paper route per region', () => {
    expect(recommendChannels({ livingAbroad: true, hasSmartphone: true }).map((r) => r.channel)).toStrictEqual(['consularApp', 'consularPaper']);
    expect(recommendChannels({ livingAbroad: true, abroadRegion: 'hongKongMacao' })[0]?.reason).toBe('hongKongMacaoOrganisations');
    expect(recommendChannels({ livingAbroad: true, abroadRegion: 'taiwan' })[0]?.reason).toBe('taiwanNotary');
  });

  it('suggests cross-region assistance to someone living elsewhere and manual review after failed checks', () => {
    expect(recommendChannels({ livingElsewhere: true }).map((r) => r.reason)).toStrictEqual(['crossRegionAssistance']);
    expect(recommendChannels({ faceCheckFailed: true, hasSmartphone: true })[0]?.channel).toBe('manualReview');
  });

  it('keeps to the channels a profile offers', () => {
    expect(recommendChannels({ hasSmartphone: true }, { channels: ['window', 'app'] }).map((r) => r.channel)).toStrictEqual(['app', 'window']);
  });

  it('is attached to an evaluation when the person is described', () => {
    const result = evaluateCertification({
      profile: national,
      facts: { firstPaymentDate: '2024-01-10', today: '2024-03-01', person: { relativeAvailable: true } },
    });
    expect(result.recommendedChannels?.[0]?.channel).toBe('proxy');
  });
});

describe('checkProxyBinding', () => {
  const none = { elder: 0, child: 0, spouse: 0, other: 0 };
  it('refuses binding oneself and minors, in that order', () => {
    expect(checkProxyBinding({ profile: national, facts: { existingBindings: none, relation: 'elder', helperIdNumber: 'A', elderIdNumber: 'A', helperBirthDate: '2015-01-01', today: '2025-01-01' } }).reason).toBe('PROXY_SELF');
    expect(checkProxyBinding({ profile: national, facts: { existingBindings: none, relation: 'elder', helperBirthDate: '2007-01-02', today: '2025-01-01' } }).reason).toBe('PROXY_HELPER_MINOR');
    expect(checkProxyBinding({ profile: national, facts: { existingBindings: none, relation: 'elder', helperBirthDate: '2007-01-01', today: '2025-01-01' } }).allowed).toBe(true);
  });

  it('refuses the same phone only where the profile says so', () => {
    const facts = { existingBindings: none, relation: 'child' as const, helperPhone: '138 0000 0000', elderPhone: '13800000000' };
    expect(checkProxyBinding({ profile: national, facts }).allowed).toBe(true);
    const jining = checkProxyBinding({ profile: getPreset('JN-PROXY-PHONE'), facts });
    expect(jining).toMatchObject({ allowed: false, reason: 'PROXY_SAME_PHONE', parameter: 'proxyPhoneMustDiffer', sources: ['S33'] });
  });

  it('applies per-relation caps after the total limit', () => {
    const caps = getPreset('PROXY-10-CAPS');
    expect(checkProxyBinding({ profile: caps, facts: { existingBindings: { spouse: 1 }, relation: 'spouse' } }).reason).toBe('PROXY_RELATION_LIMIT');
    expect(checkProxyBinding({ profile: caps, facts: { existingBindings: { elder: 4, child: 3, spouse: 1, other: 2 }, relation: 'spouse' } }).reason).toBe('PROXY_LIMIT');
  });

  it('rejects malformed facts with its typed error', () => {
    expect(() => checkProxyBinding({ profile: national, facts: { existingBindings: { elder: -1 }, relation: 'elder' } })).toThrowError(EligibilityError);
    expect(() => checkProxyBinding({ profile: national, facts: { existingBindings: none, relation: 'cousin' as never } })).toThrowError(expect.objectContaining({ field: 'relation' }));
  });
});

describe('planReminders', () => {
  const facts = { firstPaymentDate: '2023-03-15', certificationEvents: [{ date: '2024-02-20', channel: 'app' as const, result: 'success' as const }], today: '2024-06-01' };

  it('reminds 30 and 7 days before and on the due date', () => {
    expect(planReminders({ profile: national, facts }).map((r) => `${r.date} ${r.kind} ${r.daysBeforeDue}`)).toStrictEqual([
      '2025-01-29 beforeDue 30',
      '2025-02-21 beforeDue 7',
      '2025-02-28 dueDate 0',
    ]);
  });

  it('adds the monthly warning period of a profile (青岛 3 months)', () => {
    const kinds = planReminders({ profile: getPreset('QD-WARNING-3M'), facts }).map((r) => `${r.date} ${r.kind}`);
    expect(kinds.slice(0, 3)).toStrictEqual(['2024-12-01 warningPeriod', '2025-01-01 warningPeriod', '2025-01-29 beforeDue']);
  });

  it('reminds inside the grace period, from today on', () => {
    const grace = planReminders({ profile: getPreset('SEED-GRACE15'), facts: { ...facts, today: '2025-03-02' } });
    expect(grace.map((r) => `${r.date} ${r.kind}`)).toStrictEqual(['2025-03-12 graceEnding', '2025-03-16 beforeSuspension']);
    const all = planReminders({ profile: getPreset('SEED-GRACE15'), facts: { ...facts, today: '2025-03-02' } }, { shouldIncludePast: true });
    expect(all.map((r) => r.kind)).toContain('graceStarted');
  });

  it('warns before a scheduled suspension month and stays silent once suspended', () => {
    const days = { firstPaymentDate: '2023-06-01', certificationEvents: [{ date: '2024-03-01', channel: 'app' as const, result: 'success' as const }], today: '2025-03-02' };
    expect(planReminders({ profile: getPreset('HA-365'), facts: days }).map((r) => `${r.date} ${r.kind}`)).toStrictEqual(['2025-03-02 beforeSuspension']);
    expect(planReminders({ profile: national, facts: { ...facts, today: '2025-04-01' } })).toStrictEqual([]);
  });
});

describe('explanations', () => {
  it('cite the rule and sources, in zh-CN and en, with the safety notes', () => {
    const result = evaluateCertification({
      profile: national,
      facts: { firstPaymentDate: '2022-01-20', certificationEvents: [{ date: '2022-10-12', channel: 'app', result: 'success' }], today: '2024-02-01' },
    });
    const [first] = result.explanation.lines;
    expect(first).toMatchObject({ key: 'suspendedLapse', parameter: 'suspensionStart', sources: ['S7', 'S8'] });
    expect(first?.rule).toMatch(/§10\.6/);
    expect(result.explanation['zh-CN']).toContain('2023年11月起暂停发放');
    expect(result.explanation['zh-CN']).toContain('12333');
    expect(result.explanation.en).toMatch(/free of charge.*Never click unknown.*call 12333/s);
    const json = JSON.parse(JSON.stringify(result));
    expect(json.explanation.en).toBe(result.explanation.en);
  });

  it('explain death, overpayment, survivors and a suspension open at death', () => {
    const result = evaluateCertification({
      profile: national,
      facts: {
        firstPaymentDate: '2022-01-20',
        certificationEvents: [
          { date: '2022-10-12', channel: 'app', result: 'success' },
          { date: '2024-03-01', channel: 'app', result: 'success' },
        ],
        deathDate: '2024-01-15',
        paidThroughMonth: '2024-02',
        scheme: 'enterprise',
        today: '2024-03-10',
      },
    });
    expect(result).toMatchObject({
      status: 'terminated',
      requiresManualReview: true,
      fraudSuspected: true,
      ignoredEventDates: ['2024-03-01'],
      overpaidMonths: ['2024-02'],
      suspendedFrom: '2023-11',
      backPayMonths: [],
      episodes: [{ reason: 'certificationLapsed', suspendedFrom: '2023-11', resumeFrom: null, backPayMonths: [] }],
      nextAction: 'refundOverpayment',
    });
    expect(result.explanation.lines.map((l) => l.key)).toStrictEqual(['terminated', 'overpaid', 'survivorBenefits', 'openSuspensionAtDeath', 'fraudSuspected', 'free', 'noLinks', 'hotline']);
  });

  it('deny survivor benefits for a death while serving a custodial sentence', () => {
    const result = evaluateCertification({
      profile: national,
      facts: { firstPaymentDate: '2022-01-20', deathDate: '2024-01-15', scheme: 'enterprise', imprisonment: { type: 'custodial', from: '2023-05-01', to: null }, today: '2024-02-01' },
    });
    expect(result.survivorBenefits).toStrictEqual([]);
  });

  it('reject malformed facts naming the field', () => {
    expect(() => evaluateCertification({ profile: national, facts: { firstPaymentDate: '2022-01-20', today: '2024-02-30' } })).toThrowError(expect.objectContaining({ code: 'INVALID_FACTS', field: 'today' }));
    expect(() =>
      evaluateCertification({ profile: national, facts: { firstPaymentDate: '2022-01-20', today: '2024-02-01', certificationEvents: [{ date: '2023-01-01', channel: 'fax' as never, result: 'success' }] } }),
    ).toThrowError(expect.objectContaining({ field: 'certificationEvents[0].channel' }));
    expect(() => evaluateCertification({ profile: getPreset('BIRTHDAY-MONTH'), facts: { firstPaymentDate: '2022-01-20', today: '2024-02-01' } })).toThrowError(expect.objectContaining({ field: 'birthDate' }));
  });
});

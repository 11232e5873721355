import { formatDay } from '../dates/format-day.js';
import { firstDayOfMonth, monthIndexOfDay } from '../dates/month-index.js';
import { parseDay } from '../dates/parse-day.js';
import { evaluateCertification, type EvaluateCertificationInput } from '../evaluate/evaluate-certification.js';
import { suspensionMonth } from '../evaluate/cycle-arithmetic.js';
import { loadPolicy } from '../profile/load-policy.js';
import type { Reminder, ReminderKind } from './reminder.js';
import { resolveReminderConfig, type ReminderConfig } from './reminder-config.js';

/**
 * The dates on which to remind a person about the current cycle: a profile's warning period
 * (`reminderLeadMonths`), fixed days before the due date, the due date, inside the grace period and,
 * after a lapse, before the suspension month. Sorted by date, one reminder per date; only upcoming ones
 * (from `facts.today`) unless `shouldIncludePast`. Empty when suspended or terminated.
 *
 * @throws {EligibilityError} as {@link evaluateCertification}.
 */
export function planReminders(input: EvaluateCertificationInput, config: Partial<ReminderConfig> = {}): Reminder[] {
  const settings = resolveReminderConfig(config);
  const policy = loadPolicy(input.profile);
  const evaluation = evaluateCertification({ profile: policy, facts: input.facts });
  const dueText = evaluation.nextDueDate ?? evaluation.missedDueDate;
  if (dueText === null || (evaluation.status !== 'active' && evaluation.status !== 'inGrace' && evaluation.status !== 'overdue')) return [];
  const today = parseDay(input.facts.today);
  const due = parseDay(dueText);
  const anchor = parseDay(evaluation.lastCertificationDate ?? input.facts.firstPaymentDate);
  const version = policy.versionAt(anchor);
  const lastValid = due + version.graceDays;
  const suspensionStart = firstDayOfMonth(suspensionMonth(version, lastValid));

  const byDate = new Map<number, ReminderKind>();
  const add = (day: number, kind: ReminderKind): void => {
    if (!byDate.has(day)) byDate.set(day, kind);
  };
  const leadMonths = version.profile.reminderLeadMonths;
  if (leadMonths !== null && leadMonths > 0) {
    const dueMonth = monthIndexOfDay(due);
    for (let m = dueMonth - leadMonths + 1; m <= dueMonth; m++) add(firstDayOfMonth(m), 'warningPeriod');
  }
  for (const lead of settings.leadDays) if (lead > 0) add(due - lead, 'beforeDue');
  if (settings.shouldRemindOnDueDate) add(due, 'dueDate');
  if (version.graceDays > 0) {
    add(due + 1, 'graceStarted');
    const ending = lastValid - settings.graceEndingLeadDays;
    if (ending > due + 1) add(ending, 'graceEnding');
  }
  if (suspensionStart - 1 > lastValid) add(lastValid + 1, 'beforeSuspension');

  return [...byDate.entries()]
    .filter(([day]) => settings.shouldIncludePast || day >= today)
    .sort((a, b) => a[0] - b[0])
    .map(([day, kind]) => ({ date: formatDay(day), kind, dueDate: dueText, daysBeforeDue: due - day }));
}

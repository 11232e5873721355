/**
 * Kinds of reminder: `warningPeriod` (first day of each month of a profile's 警示期), `beforeDue` (a fixed
 * number of days before the due date), `dueDate`, `graceStarted`, `graceEnding` and `beforeSuspension`
 * (after the lapse, before the suspension month starts).
 */
export type ReminderKind = 'warningPeriod' | 'beforeDue' | 'dueDate' | 'graceStarted' | 'graceEnding' | 'beforeSuspension';

/** One reminder date. */
export interface Reminder {
  /** Civil date `YYYY-MM-DD` on which to remind. */
  readonly date: string;
  readonly kind: ReminderKind;
  /** Due date the reminder is about. */
  readonly dueDate: string;
  /** Days from `date` to the due date (negative after it). */
  readonly daysBeforeDue: number;
}

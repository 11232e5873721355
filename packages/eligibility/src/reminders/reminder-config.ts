/** When to remind, around a due date. */
export interface ReminderConfig {
  /** Days before the due date on which to remind (each ≥ 1). */
  readonly leadDays: readonly number[];
  /** Remind on the due date itself. */
  readonly shouldRemindOnDueDate: boolean;
  /** Days before the end of the grace period on which to remind. */
  readonly graceEndingLeadDays: number;
  /** Keep reminders dated before `today` (default false: only upcoming ones). */
  readonly shouldIncludePast: boolean;
}

/** Default reminders: 30 and 7 days before, on the day, 3 days before the grace period ends. */
export const DEFAULT_REMINDER_CONFIG: ReminderConfig = Object.freeze({
  leadDays: Object.freeze([30, 7]),
  shouldRemindOnDueDate: true,
  graceEndingLeadDays: 3,
  shouldIncludePast: false,
});

/** Fills a partial reminder config with {@link DEFAULT_REMINDER_CONFIG}. */
export const resolveReminderConfig = (config: Partial<ReminderConfig> = {}): ReminderConfig => ({ ...DEFAULT_REMINDER_CONFIG, ...config });

namespace Serverless.Shared.Milestones;

/// <summary>How reminder offsets and relative due dates are counted.</summary>
public enum DayCount
{
    /// <summary>Every calendar day counts.</summary>
    Calendar,

    /// <summary>
    /// Only working days count: Monday to Friday except public holidays, plus the make-up working days, by the
    /// mainland China calendar of <see cref="WorkingDayCalendar"/>.
    /// </summary>
    Working,
}

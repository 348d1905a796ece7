namespace Serverless.Shared.Calendar;

/// <summary>What storing a calendar year changed.</summary>
public enum CalendarYearChange
{
    /// <summary>The year was not stored before.</summary>
    Created,

    /// <summary>A different version of the year was stored and is replaced, such as by a corrected notice.</summary>
    Replaced,

    /// <summary>The same content was stored already; nothing was written.</summary>
    Unchanged,
}

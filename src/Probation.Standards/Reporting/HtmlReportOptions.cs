using System;
using System.Collections.Generic;
using Probation.Standards.Reset;

namespace Probation.Standards.Reporting;

/// <summary>
/// What the HTML page shows besides the rating itself (<see cref="HtmlReport"/>). Every section fed from
/// here is optional: a property left unset leaves its section out. Later sections (intervals, groups)
/// join the page as further properties of this class.
/// </summary>
public sealed class HtmlReportOptions
{
    /// <summary>The options that add nothing: no fieldwork date, no case list.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>When fieldwork started, shown in the header when known.</summary>
    public DateTime? FieldworkStarted { get; init; }

    /// <summary>The cases' Reset classes (<c>InspectedCase.Classify()</c>), listed under the Reset counts when given.</summary>
    public IEnumerable<CaseClassification>? Classifications { get; init; }

    /// <summary>Each group's rating and the whole (R12, <c>GroupRater.Rate</c>), shown as a league table when given.</summary>
    public Groups.GroupedRating? Groups { get; init; }
}

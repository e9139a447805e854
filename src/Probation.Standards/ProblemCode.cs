namespace Probation.Standards;

/// <summary>
/// The rules bad input can break, one code each (<c>docs/findings-format.md</c>, "Bad input"). The
/// numbers are stable: a code is never reused for another rule.
/// </summary>
public enum ProblemCode
{
    /// <summary>Malformed JSON: a syntax error, comments, trailing commas or content, a second document, nesting deeper than 64. Reading stops here.</summary>
    Syntax = 1,

    /// <summary>Bytes that are not UTF-8, or a string escape with an unpaired surrogate. Reading stops here.</summary>
    NotUtf8 = 2,

    /// <summary>A UTF-16 or UTF-32 file: save it as UTF-8. Nothing is read.</summary>
    WrongEncoding = 3,

    /// <summary>An empty document, or one of white space only.</summary>
    Empty = 4,

    /// <summary>A field given twice in one object, at any depth.</summary>
    DuplicateField = 10,

    /// <summary>A field the format does not define, at any depth.</summary>
    UnknownField = 11,

    /// <summary>A value of the wrong JSON type for its field.</summary>
    WrongType = 12,

    /// <summary>A required field is missing.</summary>
    MissingField = 13,

    /// <summary>A string that must not be empty or white space is.</summary>
    EmptyValue = 14,

    /// <summary>A number literal longer than 100 characters, or with an exponent outside -100..100.</summary>
    NumberTooLong = 15,

    /// <summary>The framework named is not known.</summary>
    UnknownFramework = 20,

    /// <summary>No known framework is in force on the fieldwork start date.</summary>
    NoFrameworkInForce = 21,

    /// <summary>A standard id the framework does not have.</summary>
    UnknownStandard = 22,

    /// <summary>A key-question id the framework does not have.</summary>
    UnknownKeyQuestion = 23,

    /// <summary>A rating outside Outstanding, Good, RequiresImprovement, Inadequate (and NotRated where allowed).</summary>
    InvalidRating = 24,

    /// <summary>An answer outside Yes, No, NotApplicable (N/A).</summary>
    InvalidAnswer = 25,

    /// <summary>A sentence outside its list.</summary>
    InvalidSentence = 26,

    /// <summary>An exemption outside its list.</summary>
    InvalidExemption = 27,

    /// <summary>A published percentage outside 0-100.</summary>
    PercentageOutOfRange = 28,

    /// <summary>A count that is negative, not a whole number, or above 2^63-1.</summary>
    InvalidCount = 29,

    /// <summary>Counts with more Yes answers than relevant cases.</summary>
    YesAboveRelevant = 30,

    /// <summary>A date that is not a real calendar date written yyyy-mm-dd.</summary>
    InvalidDate = 31,

    /// <summary>A key question given both in <c>keyQuestions</c> and in case answers.</summary>
    KeyQuestionGivenTwice = 40,

    /// <summary>A key question given neither in <c>keyQuestions</c> nor in any case's answers.</summary>
    KeyQuestionNotGiven = 41,

    /// <summary>A judgement-rated standard with no rating (R6, R10: never guessed).</summary>
    JudgementMissing = 42,

    /// <summary>A case-rated standard given as a judgement.</summary>
    NotAJudgement = 43,

    /// <summary>Two cases with the same id.</summary>
    DuplicateCaseId = 44,

    /// <summary>A suspension date before the start date (R9).</summary>
    SuspendedBeforeStart = 45,

    /// <summary>A suspension date with no start date (R9).</summary>
    SuspendedWithoutStart = 46,

    /// <summary>An override without a reason (R7).</summary>
    OverrideWithoutReason = 47,

    /// <summary>An override of a judgement-rated standard (R7).</summary>
    OverrideOfJudgement = 48,

    /// <summary>An <c>expected</c> block field with a wrong value.</summary>
    InvalidExpected = 49,

    /// <summary>A framework file that breaks the framework format's rules (R1).</summary>
    InvalidFramework = 60,

    /// <summary>The input could not be read at all: no such file, a folder, an I/O error.</summary>
    Unreadable = 70,
}

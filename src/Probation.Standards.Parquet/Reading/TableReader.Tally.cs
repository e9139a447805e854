using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Probation.Standards.Cases;
using Probation.Standards.Reset;
using Probation.Standards.Scoring;

namespace Probation.Standards.Parquet.Reading;

/// <summary>A checked row group into the bit-planes: each case classified by the core's rule, each answer two bits.</summary>
internal sealed partial class TableReader
{
    private readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    private string?[][] tagValues = Array.Empty<string?[]>();
    private int[] groupIndex = Array.Empty<int>();
    private bool[]? excluded;

    // Each case's group, from the text of the tags grouped by (trimmed; blank is no tag), each distinct value one string.
    private async ValueTask GroupRowsAsync(ParquetRowGroupReader group, int n, CancellationToken cancellationToken)
    {
        if (this.tagValues.Length != this.groupColumns.Length || (this.tagValues.Length > 0 && this.tagValues[0].Length < n))
        {
            this.tagValues = new string?[this.groupColumns.Length][];
            for (var t = 0; t < this.tagValues.Length; t++)
            {
                this.tagValues[t] = new string?[n];
            }
        }

        this.ValueBuffers(n);
        var lookup = this.interned.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var t = 0; t < this.groupColumns.Length; t++)
        {
            var values = this.tagValues[t];
            if (this.groupColumns[t] is not { } column)
            {
                Array.Clear(values, 0, n);
                continue;
            }

            await this.ReadTextAsync(group, column, this.text, n, cancellationToken).ConfigureAwait(false);
            for (var r = 0; r < n; r++)
            {
                var value = this.isNull[r] ? ReadOnlySpan<char>.Empty : this.text[r].Span.Trim();
                if (value.IsEmpty)
                {
                    values[r] = null;
                }
                else if (lookup.TryGetValue(value, out var known))
                {
                    values[r] = known;
                }
                else
                {
                    var text = value.ToString();
                    this.interned.Add(text, text);
                    values[r] = text;
                }
            }
        }

        var key = new string?[this.groupColumns.Length];
        for (var r = 0; r < n; r++)
        {
            for (var t = 0; t < key.Length; t++)
            {
                key[t] = this.tagValues[t][r];
            }

            this.groupOf[r] = this.grouping!.Of(key);
        }
    }

    private void Tally(int n)
    {
        var framework = this.framework;
        var rules = framework.Reset;
        var questions = framework.KeyQuestions.Count;
        if (this.excluded is null)
        {
            this.excluded = new bool[questions];
            foreach (var id in rules.NotApplicableWhenAdjusted)
            {
                if (framework.TryGetKeyQuestion(id, out var question))
                {
                    this.excluded[question.Index] = true;
                }
            }
        }

        var anyExcluded = Array.IndexOf(this.excluded, true) >= 0;
        var first = this.batch.Reserve(n);
        var groups = this.grouping?.Groups;
        if (groups is not null)
        {
            if (this.groupIndex.Length < n)
            {
                this.groupIndex = new int[n];
            }

            foreach (var g in groups)
            {
                g.Pending = 0;
            }

            for (var r = 0; r < n; r++)
            {
                groups[this.groupOf[r]].Pending++;
            }

            foreach (var g in groups)
            {
                g.Next = g.Pending == 0 ? g.Batch.Count : g.Batch.Reserve(g.Pending);
            }

            for (var r = 0; r < n; r++)
            {
                this.groupIndex[r] = groups[this.groupOf[r]].Next++;
            }
        }

        var adjusted = this.batch.AdjustedWords();
        var keep = this.options.KeepCases;

        // R9's warnings: a suspension of an exempt case, or one before Reset began (as a day number).
        var resetBegan = DateOnly.FromDateTime(rules.EffectiveFrom).DayNumber;
        for (var r = 0; r < n; r++)
        {
            var isSuspended = this.suspended[r] != NoDate;
            int? days = isSuspended ? this.suspended[r] - this.start[r] : null;
            Exemption? exemption = this.exemption[r] < 0 ? null : (Exemption)this.exemption[r];
            var @class = ResetClassifier.ClassOf(days, exemption, rules);
            this.all.Add(@class, this.sentence[r], isSuspended);
            var group = groups?[this.groupOf[r]];
            group?.Tally.Add(@class, this.sentence[r], isSuspended);
            if (@class == CaseClass.Adjusted)
            {
                var index = first + r;
                adjusted[index >> 6] |= 1UL << (index & 63);
                if (group is not null)
                {
                    var local = this.groupIndex[r];
                    group.Batch.AdjustedWords()[local >> 6] |= 1UL << (local & 63);
                }
            }

            var warned = isSuspended && (@class == CaseClass.Exempt || this.suspended[r] < resetBegan);
            if (warned || (anyExcluded && @class == CaseClass.Adjusted) || keep)
            {
                this.CaseDetails(r, @class, days, exemption, anyExcluded, group?.Warnings);
            }
        }

        for (var q = 0; q < questions; q++)
        {
            this.Plane(q, this.answers[q], first, n);
        }

        this.all.FlushInto(this.batch);
        if (groups is not null)
        {
            foreach (var g in groups)
            {
                g.Tally.FlushInto(g.Batch);
            }
        }
    }

    // One case's answer code into the main batch's planes; whether it was answered.
    private bool Bit(ulong[] yes, ulong[] relevant, byte code, int index)
    {
        var mask = 1UL << (index & 63);
        if (code >> 1 != 0)
        {
            relevant[index >> 6] |= mask;
        }

        if (code == 1 + (int)Answer.Yes)
        {
            yes[index >> 6] |= mask;
        }

        return code != Blank;
    }

    // The rare per-case work: the warnings a case raises (in the order the per-case path raises them) and, when the
    // cases are asked for, its classification.
    private void CaseDetails(int r, CaseClass @class, int? days, Exemption? exemption, bool anyExcluded, List<RatingWarning>? groupWarnings)
    {
        var id = this.IdText(r);
        var from = this.warnings.Count;
        if (anyExcluded && @class == CaseClass.Adjusted)
        {
            for (var q = 0; q < this.excluded!.Length; q++)
            {
                if (this.excluded[q] && this.answers[q][r] > 1 + (int)Answer.NotApplicable)
                {
                    this.warnings.Add(TallyBuilder.NotApplicableWhenAdjusted(this.framework, id, q));
                }
            }
        }

        if (this.suspended[r] != NoDate)
        {
            TallyBuilder.SuspensionWarnings(this.framework, new CaseIdText(id), exemption, ToDate(this.suspended[r]), @class, this.warnings);
        }

        for (var w = from; w < this.warnings.Count; w++)
        {
            groupWarnings?.Add(this.warnings[w]);
        }

        if (this.options.KeepCases)
        {
            this.classifications.Add(new CaseClassification(id, @class, days));
        }
    }

    // One key question's answers of a row group into its planes: relevant is code >> 1 (No, Yes), Yes is code 3.
    // The main batch's whole words are built 16 codes at a time (each code's bits moved to the top of its byte and
    // gathered), the rows before the first whole word and after the last one bit by bit; a group's case is set bit
    // by bit.
    private void Plane(int q, byte[] codes, int first, int n)
    {
        var yes = this.batch.YesWords(q);
        var relevant = this.batch.RelevantWords(q);
        var index = first;
        var i = 0;
        var answered = false;
        for (; i < n && (index & 63) != 0; i++, index++)
        {
            answered |= this.Bit(yes, relevant, codes[i], index);
        }

        var three = Vector128.Create((byte)3);
        for (; i + 64 <= n; i += 64, index += 64)
        {
            ulong yesBits = 0;
            ulong relevantBits = 0;
            var any = Vector128<byte>.Zero;
            for (var part = 0; part < 4; part++)
            {
                var v = Vector128.Create(codes, i + (16 * part));
                any |= v;
                relevantBits |= (ulong)Vector128.ShiftLeft(v, 6).ExtractMostSignificantBits() << (16 * part);
                yesBits |= (ulong)Vector128.Equals(v, three).ExtractMostSignificantBits() << (16 * part);
            }

            yes[index >> 6] |= yesBits;
            relevant[index >> 6] |= relevantBits;
            answered |= any != Vector128<byte>.Zero;
        }

        for (; i < n; i++, index++)
        {
            answered |= this.Bit(yes, relevant, codes[i], index);
        }

        if (answered)
        {
            this.all.Answered(q);
        }

        if (this.grouping is { } grouping)
        {
            var groups = grouping.Groups;
            for (var r = 0; r < n; r++)
            {
                var code = codes[r];
                if (code == Blank)
                {
                    continue;
                }

                var g = groups[this.groupOf[r]];
                g.Tally.Answered(q);
                if (code >> 1 == 0)
                {
                    continue;
                }

                var local = this.groupIndex[r];
                var mask = 1UL << (local & 63);
                g.Batch.RelevantWords(q)[local >> 6] |= mask;
                if (code == 1 + (int)Answer.Yes)
                {
                    g.Batch.YesWords(q)[local >> 6] |= mask;
                }
            }
        }
    }
}

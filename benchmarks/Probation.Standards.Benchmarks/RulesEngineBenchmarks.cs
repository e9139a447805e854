using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Probation.Standards.Cases;
using Probation.Standards.Findings;
using RulesEngine.Models;

namespace Probation.Standards.Benchmarks;

/// <summary>The answers of one case as a general rules engine sees them: one property per key question (0 N/A, 1 No, 2 Yes).</summary>
public sealed class RuleCase
{
#pragma warning disable CA1051, SA1401
    public int A0 { get; set; }

    public int A1 { get; set; }

    public int A2 { get; set; }

    public int A3 { get; set; }

    public int A4 { get; set; }

    public int A5 { get; set; }

    public int A6 { get; set; }

    public int A7 { get; set; }

    public int A8 { get; set; }

    public int A9 { get; set; }

    public int A10 { get; set; }

    public int A11 { get; set; }
#pragma warning restore CA1051, SA1401
}

/// <summary>
/// Microsoft RulesEngine 6.0.1 evaluating the same counting rule per case (for each key question: is the
/// answer relevant, is it Yes: 24 lambda rules a case), against the naive object model as baseline.
/// Only at 100,000 cases: at about 10 us a case, one operation at 1,000,000 cases takes over ten
/// seconds and 10,000,000 over a minute and a half, times 8 operations a run; its cost is linear in the
/// cases, so the README compares it per case with the bulk path at 1M and 10M.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class RulesEngineBenchmarks
{
    private readonly ScoringBenchmarks naive = new();
    private RuleCase[] ruleCases = null!;
    private RulesEngine.RulesEngine engine = null!;

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        this.naive.N = this.N;
        this.naive.SetupNaive();
        var answers = Data.Answers(this.N);
        this.ruleCases = new RuleCase[this.N];
        for (var i = 0; i < this.N; i++)
        {
            var a = answers.AsSpan(i * 12, 12);
            this.ruleCases[i] = new RuleCase
            {
                A0 = (int)a[0], A1 = (int)a[1], A2 = (int)a[2], A3 = (int)a[3], A4 = (int)a[4], A5 = (int)a[5],
                A6 = (int)a[6], A7 = (int)a[7], A8 = (int)a[8], A9 = (int)a[9], A10 = (int)a[10], A11 = (int)a[11],
            };
        }

        var rules = new List<Rule>();
        for (var q = 0; q < 12; q++)
        {
            rules.Add(new Rule { RuleName = $"yes{q}", Expression = $"input1.A{q} == 2", RuleExpressionType = RuleExpressionType.LambdaExpression });
            rules.Add(new Rule { RuleName = $"relevant{q}", Expression = $"input1.A{q} != 0", RuleExpressionType = RuleExpressionType.LambdaExpression });
        }

        var workflow = new Workflow { WorkflowName = "keyQuestions", Rules = rules };
        this.engine = new RulesEngine.RulesEngine(new[] { workflow }, new ReSettings());
    }

    [Benchmark(Baseline = true)]
    public int NaiveObjectModel() => this.naive.NaiveObjectModel();

    [Benchmark]
    public int MicrosoftRulesEngine()
    {
        var yes = new long[12];
        var relevant = new long[12];
        foreach (var ruleCase in this.ruleCases)
        {
            var results = this.engine.ExecuteAllRulesAsync("keyQuestions", ruleCase).GetAwaiter().GetResult();
            for (var r = 0; r < results.Count; r++)
            {
                if (results[r].IsSuccess)
                {
                    if (r % 2 == 0)
                    {
                        yes[r / 2]++;
                    }
                    else
                    {
                        relevant[r / 2]++;
                    }
                }
            }
        }

        // The same R4/R5 rule as the naive baseline.
        var score = 0;
        for (var s = 0; s < 4; s++)
        {
            var lowest = double.MaxValue;
            for (var q = s * 3; q < (s * 3) + 3; q++)
            {
                if (relevant[q] > 0)
                {
                    lowest = System.Math.Min(lowest, (double)yes[q] / relevant[q]);
                }
            }

            score += lowest >= 0.8 ? 3 : lowest >= 0.65 ? 2 : lowest >= 0.5 ? 1 : 0;
        }

        return score;
    }
}

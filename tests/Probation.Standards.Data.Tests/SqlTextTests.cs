namespace Probation.Standards.Data.Tests;

/// <summary>
/// The generated SQL itself: fragments written out by hand for each dialect (the Reset classes, the duplicate
/// count, the first key question's counts and the output row), the output columns, the framework's constants, and
/// names that could carry SQL refused.
/// </summary>
[TestFixture]
public class SqlTextTests
{
    private static Framework Framework => FrameworkCatalog.DefaultFramework;

    private const string Exemptions = "('mappa', 'nationalsecuritydivision', 'veryhighriskofseriousharm', 'childprotection', 'intensivesupervisioncourt')";

    // The fold of an answer column: the library's own spellings by equality, anything else lowered with spaces dropped.
    private static string AnswerFold(string column) =>
        $"CASE {column} WHEN 'Yes' THEN 'yes' WHEN 'No' THEN 'no' WHEN 'NotApplicable' THEN 'notapplicable' ELSE LOWER(REPLACE({column}, ' ', '')) END";

    private static string ExemptionFold(string column) =>
        $"CASE {column} WHEN 'Mappa' THEN 'mappa' WHEN 'NationalSecurityDivision' THEN 'nationalsecuritydivision' " +
        $"WHEN 'VeryHighRiskOfSeriousHarm' THEN 'veryhighriskofseriousharm' WHEN 'ChildProtection' THEN 'childprotection' " +
        $"WHEN 'IntensiveSupervisionCourt' THEN 'intensivesupervisioncourt' ELSE LOWER(REPLACE({column}, ' ', '')) END";

    [Test]
    public void PostgreSql()
    {
        var sql = new CaseTableQuery(Framework, SqlDialect.PostgreSql, "audit", new[] { "team" }).TallySql();
        sql.ShouldStartWith(
            "WITH ps_case AS (\n" +
            "  SELECT\n" +
            "    \"team\" AS g1,\n" +
            "    CASE\n" +
            "      WHEN " + ExemptionFold("\"exemption\"") + " IN " + Exemptions + " THEN 1\n" +
            "      WHEN \"suspended\" IS NULL THEN 0\n" +
            "      WHEN (CAST(\"suspended\" AS DATE) - CAST(\"start\" AS DATE)) <= 56 THEN 3\n" +
            "      ELSE 2\n" +
            "    END AS reset_class,\n" +
            "    " + AnswerFold("\"p2_1_1\"") + " AS a1,\n");
        sql.ShouldContain(
            "    " + AnswerFold("\"p2_4_3\"") + " AS a12\n" +
            "  FROM \"audit\"\n" +
            "),\n" +
            "ps_duplicate AS (\n" +
            "  SELECT COUNT(*) AS n FROM (SELECT \"id\" FROM \"audit\" WHERE \"id\" IS NOT NULL GROUP BY \"id\" HAVING COUNT(*) > 1) ps_id\n" +
            "),\n" +
            "ps_group AS (\n" +
            "  SELECT\n" +
            "    g1,\n" +
            "    COUNT(*) AS cases,\n" +
            "    COUNT(CASE WHEN reset_class IN (2, 3) THEN 1 END) AS reset,\n" +
            "    COUNT(CASE WHEN reset_class = 3 THEN 1 END) AS adjusted,\n" +
            "    COUNT(CASE WHEN reset_class = 1 THEN 1 END) AS exempt,\n" +
            "    COUNT(CASE WHEN a1 = 'yes' THEN 1 END) AS y1,\n" +
            "    COUNT(CASE WHEN a1 IN ('yes', 'no') THEN 1 END) AS r1,\n");
        sql.ShouldContain(
            "  FROM ps_case\n" +
            "  GROUP BY g1\n" +
            ")\n" +
            "SELECT\n" +
            "  ps_group.g1 AS \"team\",\n" +
            "  ps_group.cases AS \"cases\",\n" +
            "  ps_group.reset AS \"reset\",\n" +
            "  ps_group.adjusted AS \"adjusted\",\n" +
            "  ps_group.exempt AS \"exempt\",\n" +
            "  ps_duplicate.n AS \"duplicate_ids\",\n" +
            "  ps_group.y1 AS \"p2_1_1_yes\",\n" +
            "  ps_group.r1 AS \"p2_1_1_relevant\",\n");
        sql.ShouldEndWith(
            "  ps_group.y12 AS \"p2_4_3_yes\",\n" +
            "  ps_group.r12 AS \"p2_4_3_relevant\"\n" +
            "FROM ps_group CROSS JOIN ps_duplicate");
    }

    [Test]
    public void DuckDb()
    {
        var sql = new CaseTableQuery(Framework, SqlDialect.DuckDb, "main.audit").TallySql();
        sql.ShouldContain("      WHEN date_diff('day', CAST(\"start\" AS DATE), CAST(\"suspended\" AS DATE)) <= 56 THEN 3\n");
        sql.ShouldContain("  FROM \"main\".\"audit\"\n),\n");
        sql.ShouldContain("  SELECT COUNT(*) AS n FROM (SELECT \"id\" FROM \"main\".\"audit\" WHERE \"id\" IS NOT NULL GROUP BY \"id\" HAVING COUNT(*) > 1) ps_id\n");
        sql.ShouldContain("  FROM ps_case\n)\nSELECT\n  ps_group.cases AS \"cases\",\n"); // no groups: no GROUP BY, one row
    }

    [Test]
    public void SqlServer()
    {
        var sql = new CaseTableQuery(Framework, SqlDialect.SqlServer, "dbo.audit", new[] { "team", "pdu" }).TallySql();
        sql.ShouldStartWith("WITH ps_case AS (\n  SELECT\n    [team] AS g1,\n    [pdu] AS g2,\n    CASE\n      WHEN " + ExemptionFold("[exemption]") + " IN " + Exemptions + " THEN 1\n");
        sql.ShouldContain("      WHEN DATEDIFF(day, CAST([start] AS DATE), CAST([suspended] AS DATE)) <= 56 THEN 3\n");
        sql.ShouldContain("  SELECT COUNT_BIG(*) AS n FROM (SELECT [id] FROM [dbo].[audit] WHERE [id] IS NOT NULL GROUP BY [id] HAVING COUNT_BIG(*) > 1) ps_id\n");
        sql.ShouldContain("    COUNT_BIG(CASE WHEN a1 IN ('yes', 'no') THEN 1 END) AS r1,\n");
        sql.ShouldContain("  GROUP BY g1, g2\n)\nSELECT\n  ps_group.g1 AS [team],\n  ps_group.g2 AS [pdu],\n  ps_group.cases AS [cases],\n");
        sql.ShouldNotContain("COUNT(");
    }

    [Test]
    public void Spark()
    {
        var sql = new CaseTableQuery(Framework, SqlDialect.Spark, "warehouse.audit", new[] { "team" }).TallySql();
        sql.ShouldContain("    `team` AS g1,\n");
        sql.ShouldContain("      WHEN datediff(CAST(`suspended` AS DATE), CAST(`start` AS DATE)) <= 56 THEN 3\n");
        sql.ShouldContain("  FROM `warehouse`.`audit`\n");
        sql.ShouldContain("  ps_duplicate.n AS `duplicate_ids`,\n  ps_group.y1 AS `p2_1_1_yes`,\n");
        sql.ShouldNotContain("\"");
    }

    [TestCase(SqlDialect.PostgreSql)]
    [TestCase(SqlDialect.DuckDb)]
    [TestCase(SqlDialect.SqlServer)]
    [TestCase(SqlDialect.Spark)]
    public void The_output_columns_are_the_contracts(SqlDialect dialect)
    {
        var query = new CaseTableQuery(Framework, dialect, "cases", new[] { "team" });
        var expected = new List<string> { "team", "cases", "reset", "adjusted", "exempt", "duplicate_ids" };
        foreach (var id in new[] { "P2.1.1", "P2.1.2", "P2.1.3", "P2.2.1", "P2.2.2", "P2.2.3", "P2.3.1", "P2.3.2", "P2.3.3", "P2.4.1", "P2.4.2", "P2.4.3" })
        {
            var column = id.ToLowerInvariant().Replace('.', '_');
            expected.Add(column + "_yes");
            expected.Add(column + "_relevant");
        }

        query.OutputColumns().ShouldBe(expected);
        var sql = query.TallySql();
        var positions = expected.Select(c => sql.IndexOf(" AS " + Quote(dialect, c), StringComparison.Ordinal)).ToArray();
        positions.ShouldAllBe(p => p > 0);
        positions.ShouldBeInOrder();
    }

    [Test]
    public void The_frameworks_threshold_exemptions_and_adjusted_set_are_read_not_written_in()
    {
        var variant = Support.TestFrameworks.Variant.WithResetThreshold(41);
        var sql = new CaseTableQuery(variant, SqlDialect.PostgreSql, "cases").TallySql();
        sql.ShouldContain("<= 41 THEN 3");
        sql.ShouldNotContain("56");
        sql.ShouldContain("IN ('mappa', 'childprotection') THEN 1");
        sql.ShouldContain("COUNT(CASE WHEN a1 IN ('yes', 'no') AND reset_class <> 3 THEN 1 END) AS r1");
        sql.ShouldContain("COUNT(CASE WHEN a8 = 'yes' AND reset_class <> 3 THEN 1 END) AS y8");
        sql.ShouldContain("COUNT(CASE WHEN a2 = 'yes' THEN 1 END) AS y2");
    }

    [Test]
    public void Columns_can_be_mapped_elsewhere()
    {
        var columns = CaseTableColumns.Default(Framework).With(CaseTableColumns.Id, "case_ref").With("P2.1.1", "engagement_1");
        columns["P2.1.1"].ShouldBe("engagement_1");
        columns[CaseTableColumns.Start].ShouldBe("start");
        var query = new CaseTableQuery(Framework, SqlDialect.PostgreSql, "cases", columns: columns);
        query.OutputColumns().ShouldContain("engagement_1_yes");
        query.RequiredColumns.ShouldContain("case_ref");
        query.RequiredColumns.ShouldNotContain("id");
        query.TallySql().ShouldContain("GROUP BY \"case_ref\"");
        Should.Throw<ArgumentException>(() => columns.With("P2.1.2", "case_ref")).Message.ShouldContain("already holds id");
        Should.Throw<ArgumentException>(() => columns.With("P9.9", "x"));
    }

    [TestCase("cases; DROP TABLE cases")]
    [TestCase("cases\" --")]
    [TestCase("ca'ses")]
    [TestCase("[cases]")]
    [TestCase("`cases`")]
    [TestCase("a.b.c.d")]
    [TestCase("")]
    [TestCase("1cases")]
    [TestCase("ps_case")]
    public void A_table_name_that_is_not_a_plain_identifier_is_refused(string table)
    {
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            Should.Throw<ArgumentException>(() => new CaseTableQuery(Framework, dialect, table)).ParamName.ShouldBe("table");
        }
    }

    [TestCase("team\" OR 1=1 --")]
    [TestCase("team]")]
    [TestCase("te am")]
    [TestCase("team`")]
    [TestCase("cases")]
    [TestCase("P2_1_1")]
    [TestCase("exemption")]
    public void A_tag_that_could_carry_SQL_or_clash_is_refused(string tag)
    {
        Should.Throw<ArgumentException>(() => new CaseTableQuery(Framework, SqlDialect.PostgreSql, "cases", new[] { tag })).ParamName.ShouldBe("groupBy");
    }

    [Test]
    public void A_repeated_tag_is_refused() =>
        Should.Throw<ArgumentException>(() => new CaseTableQuery(Framework, SqlDialect.PostgreSql, "cases", new[] { "team", "TEAM" })).Message.ShouldContain("named twice");

    [Test]
    public void Quotes_inside_a_name_would_be_doubled_in_every_dialect()
    {
        // Names are refused before they are quoted; the quoting is safe on its own as well.
        Dialect.Of(SqlDialect.PostgreSql).Quote("a\"b").ShouldBe("\"a\"\"b\"");
        Dialect.Of(SqlDialect.DuckDb).Quote("a\"b").ShouldBe("\"a\"\"b\"");
        Dialect.Of(SqlDialect.SqlServer).Quote("a]b").ShouldBe("[a]]b]");
        Dialect.Of(SqlDialect.Spark).Quote("a`b").ShouldBe("`a``b`");
        Should.Throw<ArgumentOutOfRangeException>(() => Dialect.Of((SqlDialect)9));
    }

    [Test]
    public void The_validation_query_checks_every_column_against_its_list()
    {
        var sql = new CaseTableQuery(Framework, SqlDialect.PostgreSql, "cases").ValidationSql();
        sql.ShouldContain("SELECT CAST(\"id\" AS TEXT) AS case_id, 'p2_1_1' AS column_name, CAST(\"p2_1_1\" AS TEXT) AS value, CAST(NULL AS TEXT) AS other, 'answer' AS problem FROM \"cases\" WHERE LOWER(REPLACE(\"p2_1_1\", ' ', '')) NOT IN ('yes', 'no', 'notapplicable', 'n/a', '')");
        sql.ShouldContain("NOT IN ('communityorder', 'suspendedsentenceorder', 'licence', 'postsentencesupervision', '')");
        sql.ShouldContain("WHERE CAST(\"suspended\" AS DATE) < CAST(\"start\" AS DATE)");
        sql.Split("UNION ALL").Length.ShouldBe(1 + 12 + 2 + 2 + 1);
    }

    private static string Quote(SqlDialect dialect, string name) => dialect switch
    {
        SqlDialect.SqlServer => "[" + name + "]",
        SqlDialect.Spark => "`" + name + "`",
        _ => "\"" + name + "\"",
    };
}

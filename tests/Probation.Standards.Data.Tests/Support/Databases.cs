using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace Probation.Standards.Data.Tests.Support;

/// <summary>The real databases the tests run on: DuckDB in-process, and PostgreSQL when the environment names one.</summary>
public static class Databases
{
    /// <summary>The environment variable holding a PostgreSQL connection string (.ci/run sets it for a throw-away server).</summary>
    public const string PostgresVariable = "PROBATION_STANDARDS_POSTGRES";

    public static readonly SqlDialect[] Engines = { SqlDialect.DuckDb, SqlDialect.PostgreSql };

    /// <summary>An open connection of an engine; PostgreSQL tests are ignored, with the reason, when no server is named.</summary>
    public static async Task<DbConnection> OpenAsync(SqlDialect engine)
    {
        DbConnection connection;
        if (engine == SqlDialect.DuckDb)
        {
            connection = new DuckDBConnection("Data Source=:memory:");
        }
        else if (engine == SqlDialect.PostgreSql)
        {
            var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Assert.Ignore($"no PostgreSQL server: set {PostgresVariable} to a connection string (.ci/run starts a throw-away server and sets it)");
            }

            connection = new NpgsqlConnection(connectionString);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(engine), engine, "no test engine for this dialect");
        }

        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The n-th (1-based) parameter placeholder: both engines take PostgreSQL's positional <c>$n</c>.</summary>
    public static string Placeholder(int n) => "$" + n;

    /// <summary>A table name no other test uses (PostgreSQL's database is shared by the tests).</summary>
    public static string TableName(string stem) => $"{stem}_{Guid.NewGuid():N}".Substring(0, stem.Length + 13);
}

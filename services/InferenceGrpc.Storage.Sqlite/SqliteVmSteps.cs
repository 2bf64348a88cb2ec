using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// The work SQLite did for a store operation, as virtual-machine steps
/// (<c>sqlite3_stmt_status(SQLITE_STMTSTATUS_VM_STEP)</c>), on the "InferenceGrpc.Storage" meter by
/// operation. It is not a row count: the bundled SQLite is built without
/// SQLITE_ENABLE_STMT_SCANSTATUS, so rows examined per table are not available. Every row a
/// query looks at costs a few steps (a cursor move, the columns its filter reads, the
/// comparisons), so steps grow with the rows scanned, and a query whose steps far exceed the rows
/// it returns is scanning. Costs one native call per prepared statement (a handful per operation).
/// </summary>
internal static class SqliteVmSteps
{
    private const int StatusVmStep = 4; // SQLITE_STMTSTATUS_VM_STEP
    private static readonly Meter Meter = new(MeasuredInferenceStore.MeterName);
    private static readonly Counter<long> Steps = Meter.CreateCounter<long>(
        "inferencegrpc.sqlite.vm_steps", "{step}", "SQLite virtual-machine steps run by store operations (grows with the rows they examine).");

    /// <summary>
    /// Counts the steps of every statement still prepared on <paramref name="connection"/> and
    /// zeroes them. Call it before the commands are disposed (that finalizes their statements);
    /// a connection serves one operation at a time, so its statements are this operation's.
    /// </summary>
    public static void Record(SqliteConnection connection)
    {
        var database = connection.Handle!.DangerousGetHandle();
        long steps = 0;
        for (var statement = NextStatement(database, 0); statement != 0; statement = NextStatement(database, statement))
        {
            steps += StatementStatus(statement, StatusVmStep, resetFlag: 1);
        }

        Steps.Add(steps, StoreOperation.Tag);
    }

    // Straight to the bundled library: SQLitePCLRaw's own sqlite3_next_stmt only sees statements
    // it tracks per connection (enable_sqlite3_next_stmt, a dictionary entry per prepare).
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_next_stmt")]
    private static extern nint NextStatement(nint database, nint statement);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_stmt_status")]
    private static extern int StatementStatus(nint statement, int operation, int resetFlag);
}

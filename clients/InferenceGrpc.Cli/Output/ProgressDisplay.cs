using Spectre.Console;

namespace InferenceGrpc.Cli.Output;

/// <summary>
/// A progress bar on standard error while long work runs (a stream, an export, an ingest), drawn
/// only on a terminal. The work reports how far it is, in the units of <c>total</c>.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliConsole console, string label, double? total, Func<IProgress<double>, Task<T>> work)
    {
        if (!console.ShowsProgress)
        {
            return await work(new Silent());
        }

        return await console.ErrorConsole().Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = await work(new TaskProgress(task, label, total is null));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class Silent : IProgress<double>
    {
        public void Report(double value)
        {
        }
    }

    // Without a total the bar cannot fill, so the count goes into the description instead.
    private sealed class TaskProgress(ProgressTask task, string label, bool counting) : IProgress<double>
    {
        public void Report(double value)
        {
            if (counting)
            {
                task.Description = $"{label} {value:N0}";
            }
            else
            {
                task.Value = value;
            }
        }
    }
}

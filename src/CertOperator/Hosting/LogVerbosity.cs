using Microsoft.Extensions.Logging;

namespace CertOperator.Hosting;

/// <summary>cert-manager's klog verbosity (-v): 0 errors, 1 warnings, 2 info (its default), 3 extended info, 4 debug, 5 trace.</summary>
internal static class LogVerbosity
{
    public const int Default = 2;

    public static LogLevel ToLevel(int verbosity) => verbosity switch
    {
        <= 0 => LogLevel.Error,
        1 => LogLevel.Warning,
        2 or 3 => LogLevel.Information,
        4 => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}

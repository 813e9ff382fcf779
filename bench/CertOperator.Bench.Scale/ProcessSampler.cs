using System.Globalization;

namespace CertOperator.Bench.Scale;

/// <summary>Reads a process's resident memory (now and peak) and CPU time from /proc.</summary>
internal static class ProcessSampler
{
    private const double ClockTicksPerSecond = 100;

    /// <summary>VmRSS and VmHWM (the peak RSS the kernel recorded) in MiB.</summary>
    public static (double Rss, double Peak) Memory(int pid)
    {
        double Field(string name) => File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0
            : double.NaN;
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    /// <summary>User plus system CPU seconds the process has used.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }
}

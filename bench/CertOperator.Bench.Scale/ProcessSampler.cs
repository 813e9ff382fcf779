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

    /// <summary>
    /// Where the resident memory is, from /proc/pid/smaps: anonymous pages, the executable's own file pages (a Native
    /// AOT binary's code and read-only data), other files' pages (shared libraries), and of the anonymous pages those
    /// in the executable's writable mappings (Native AOT's `.hydrated` type data), all in MiB.
    /// </summary>
    public static string Breakdown(int pid)
    {
        var executable = File.ResolveLinkTarget($"/proc/{pid}/exe", returnFinalTarget: true)?.FullName;
        double anonymous = 0, ownFile = 0, otherFile = 0, ownAnonymous = 0;
        var path = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                path = fields.Length >= 6 ? fields[5] : "";
                continue;
            }

            var kib = fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v / 1024.0 : 0;
            var own = path == executable;
            switch (fields[0])
            {
                case "Anonymous:":
                    anonymous += kib;
                    ownAnonymous += own ? kib : 0;
                    break;
                case "Private_Clean:" or "Shared_Clean:" when path.StartsWith('/'):
                    ownFile += own ? kib : 0;
                    otherFile += own ? 0 : kib;
                    break;
            }
        }

        return $"anonymous {anonymous:0.0} MiB (of it in the executable's mappings {ownAnonymous:0.0}), executable's file pages {ownFile:0.0} MiB, other files {otherFile:0.0} MiB";
    }

    /// <summary>User plus system CPU seconds the process has used.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }
}

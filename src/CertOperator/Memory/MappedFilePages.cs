using System.Globalization;

namespace CertOperator.Memory;

/// <summary>
/// Which of the process's mappings hold nothing but clean pages of a file (from `/proc/self/smaps`): private, not
/// writable, backed by a file that still exists, no anonymous (copied-on-write) page in them. Such pages are the file's
/// page cache mapped into the process; dropping the mapping's pages loses nothing, since the next touch maps them again
/// from the cache (a minor fault). Anything else is left alone: a writable mapping or one with anonymous pages (the
/// relocated read-only data) holds data the file does not have.
/// </summary>
internal static class MappedFilePages
{
    /// <summary>A mapping whose resident pages may be dropped: where it starts, how long it is, and how much of it is resident.</summary>
    public readonly record struct Range(ulong Start, ulong Length, long ResidentBytes);

    public static IReadOnlyList<Range> Releasable(string smaps)
    {
        ArgumentNullException.ThrowIfNull(smaps);
        var ranges = new List<Range>();
        Candidate? current = null;
        foreach (var line in smaps.Split('\n'))
        {
            if (Header(line) is { } header)
            {
                Add(ranges, current);
                current = header;
            }
            else if (current is not null)
            {
                current = Field(line, "Rss:") is { } rss ? current with { Resident = rss }
                    : Field(line, "Anonymous:") is { } anonymous ? current with { Anonymous = anonymous }
                    : current;
            }
        }

        Add(ranges, current);
        return ranges;
    }

    private static void Add(List<Range> ranges, Candidate? candidate)
    {
        if (candidate is { Eligible: true, Resident: > 0, Anonymous: 0 } c)
        {
            ranges.Add(new Range(c.Start, c.End - c.Start, c.Resident));
        }
    }

    /// <summary>`start-end perms offset dev inode [path]`; null for a field line.</summary>
    private static Candidate? Header(string line)
    {
        var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var dash = parts.Length < 5 ? -1 : parts[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || parts[1].Length != 4
            || !ulong.TryParse(parts[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(parts[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
        {
            return null;
        }

        var permissions = parts[1];
        var path = parts.Length == 6 ? parts[5].Trim() : "";
        var eligible = permissions[1] != 'w' && permissions[3] == 'p'
            && path.StartsWith('/') && !path.EndsWith("(deleted)", StringComparison.Ordinal);
        return new Candidate(start, end, eligible, Resident: 0, Anonymous: -1);
    }

    /// <summary>The bytes of a `Name:   123 kB` line, or null when the line is another field.</summary>
    private static long? Field(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal)
        && long.TryParse(line.AsSpan(name.Length).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
            ? kilobytes * 1024
            : null;

    /// <summary>Anonymous stays -1 until the field is read, so a mapping whose entry lacks it is never taken.</summary>
    private sealed record Candidate(ulong Start, ulong End, bool Eligible, long Resident, long Anonymous);
}

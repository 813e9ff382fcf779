namespace CertOperator.Kubernetes;

/// <summary>
/// Which occurrences of a repeating failure get a log line: the 1st, 2nd, 4th, 8th… so a failure that
/// retries for hours writes a handful of lines, each carrying its count, instead of one per retry.
/// </summary>
public static class RepeatLog
{
    public static bool ShouldLog(int occurrence) => occurrence > 0 && (occurrence & (occurrence - 1)) == 0;
}

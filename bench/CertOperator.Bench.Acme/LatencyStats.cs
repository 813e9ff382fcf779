using System.Globalization;

namespace CertOperator.Bench.Acme;

/// <summary>Per-certificate latencies of one run, summarised as mean/p50/p95 and throughput.</summary>
internal sealed record LatencyStats(string Name, int Concurrency, IReadOnlyList<TimeSpan> Samples, TimeSpan WallClock)
{
    public double MeanMs => Samples.Average(s => s.TotalMilliseconds);

    public double P50Ms => Percentile(0.50);

    public double P95Ms => Percentile(0.95);

    public double CertificatesPerSecond => Samples.Count / WallClock.TotalSeconds;

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name,-28} | {Concurrency,4} | {Samples.Count,5} | {MeanMs,9:F0} | {P50Ms,9:F0} | {P95Ms,9:F0} | {CertificatesPerSecond,8:F2} |");

    public static string Header() =>
        "| client                       | conc | certs |  mean ms  |  p50 ms   |  p95 ms   | certs/s  |\n" +
        "|------------------------------|-----:|------:|----------:|----------:|----------:|---------:|";

    private double Percentile(double p)
    {
        // Nearest-rank percentile: small samples, no interpolation games.
        var sorted = Samples.Select(s => s.TotalMilliseconds).Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

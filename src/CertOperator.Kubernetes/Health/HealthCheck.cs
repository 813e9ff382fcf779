namespace CertOperator.Kubernetes.Health;

/// <summary>One line of a /livez or /readyz answer: what was checked, whether it passed, and why.</summary>
public sealed record HealthCheck(string Name, bool Ok, string Detail)
{
    public override string ToString() => $"[{(Ok ? "+" : "-")}]{Name} {Detail}";
}

namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>The whole corpus and the names every case shares: one namespace, two working issuers, foreign Secrets.</summary>
internal static class Corpus
{
    public const string Namespace = "hostile";

    /// <summary>A CA ClusterIssuer that keeps working whatever the corpus does; the canary uses it.</summary>
    public const string CaIssuer = "corpus-ca";

    /// <summary>Label on Secrets the operator must never modify.</summary>
    public const string ForeignLabel = "hostile.test/foreign";

    public static IReadOnlyList<HostileCase> All { get; } =
        [.. CertificateCorpus.Cases, .. SecretCorpus.Cases, .. IssuerCorpus.Cases, .. RequestCorpus.Cases, .. IngressCorpus.Cases];

    public static string Indent(string block, int spaces) =>
        string.Join('\n', block.Trim('\n').Split('\n').Select(line => new string(' ', spaces) + line));
}

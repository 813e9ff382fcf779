namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>Checks that credentials appear nowhere a user or log collector sees: the operator's log, Events, Challenges, Certificates.</summary>
internal static class CredentialLeaks
{
    public static async Task AssertAbsentAsync(OperatorEnvironment cluster, params string[] credentials)
    {
        var visible = string.Join('\n',
            cluster.OperatorLog,
            await cluster.KubectlAsync("get", "events", "-A", "-o", "json"),
            await cluster.KubectlAsync("get", "challenges,orders,certificaterequests,certificates,issuers", "-A", "-o", "json"));
        foreach (var credential in credentials)
        {
            visible.Should().NotContain(credential, "a credential must never be logged, recorded in an Event or written into a status");
        }
    }
}

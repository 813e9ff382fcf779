namespace CertOperator.Issuers.Vault;

/// <summary>Vault's answer: status code and body text.</summary>
internal sealed record VaultReply(int Status, string Body)
{
    public bool Ok => Status is >= 200 and < 300;
}

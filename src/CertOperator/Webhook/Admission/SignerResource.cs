namespace CertOperator.Webhook.Admission;

/// <summary>The API resource an issuerRef's kind is served as, which the signer names are built from.</summary>
internal sealed record SignerResource(string Group, string Resource, bool Namespaced)
{
    /// <summary>
    /// cert-manager's signer names for a request in <paramref name="ns"/> naming issuer <paramref name="name"/>:
    /// `&lt;resource&gt;.&lt;group&gt;/*` and `&lt;resource&gt;.&lt;group&gt;/[&lt;namespace&gt;.]&lt;name&gt;`.
    /// </summary>
    public IReadOnlyList<string> SignerNames(string ns, string name) =>
    [
        $"{Resource}.{Group}/*",
        Namespaced ? $"{Resource}.{Group}/{ns}.{name}" : $"{Resource}.{Group}/{name}",
    ];
}

namespace CertOperator.Kubernetes.Configuration;

/// <summary>client.authentication.k8s.io/v1 ExecCredential, as printed by a credential plugin.</summary>
internal sealed class ExecCredential
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ExecCredentialSpec? Spec { get; set; }

    public ExecCredentialStatus? Status { get; set; }
}

internal sealed class ExecCredentialSpec
{
    public bool Interactive { get; set; }
}

internal sealed class ExecCredentialStatus
{
    public string? Token { get; set; }

    public DateTimeOffset? ExpirationTimestamp { get; set; }

    public string? ClientCertificateData { get; set; }

    public string? ClientKeyData { get; set; }
}

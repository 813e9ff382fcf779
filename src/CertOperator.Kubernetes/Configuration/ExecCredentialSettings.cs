namespace CertOperator.Kubernetes.Configuration;

/// <summary>A kubeconfig `user.exec` credential plugin: the command prints a client.authentication.k8s.io ExecCredential.</summary>
public sealed record ExecCredentialSettings
{
    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public string ApiVersion { get; init; } = "client.authentication.k8s.io/v1";

    public string? InstallHint { get; init; }

    /// <summary>Directory the command runs in (the kubeconfig's), so relative commands resolve as kubectl does.</summary>
    public string? WorkingDirectory { get; init; }
}

using CertOperator.Certificates.Policies;

namespace CertOperator.Certificates;

/// <summary>What the decisions read from a Certificate's target Secret: its claims (never its values) and the parsed certificate.</summary>
internal sealed record TargetSecretView(ExistingSecret Existing, SecretState State);

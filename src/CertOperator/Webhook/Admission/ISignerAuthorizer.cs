using CertOperator.Webhook.Wire;

namespace CertOperator.Webhook.Admission;

/// <summary>What the approval rule needs from the cluster: which resource a kind is, and whether a user may approve a signer.</summary>
internal interface ISignerAuthorizer
{
    /// <summary>The resource serving <paramref name="kind"/> in <paramref name="group"/>; null when no such kind exists.</summary>
    Task<SignerResource?> ResolveAsync(string group, string kind, CancellationToken ct);

    /// <summary>Whether <paramref name="user"/> may `approve` `signers` in cert-manager.io named any of <paramref name="signerNames"/>.</summary>
    Task<bool> MayApproveAsync(AdmissionUserInfo user, IReadOnlyList<string> signerNames, CancellationToken ct);
}

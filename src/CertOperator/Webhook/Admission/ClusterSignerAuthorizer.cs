using System.Collections.Concurrent;
using CertOperator.Kubernetes.Client;
using CertOperator.Webhook.Wire;
using k8s.Models;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// Answers the approval questions from the cluster: cert-manager's own kinds are known; an external issuer's kind is
/// looked up in the CRDs (found kinds are cached, missing ones for 30 s, as cert-manager caches discovery); the
/// permission is a SubjectAccessReview for the requester.
/// </summary>
internal sealed class ClusterSignerAuthorizer(KubernetesClient client, TimeProvider time) : ISignerAuthorizer
{
    private static readonly TimeSpan NegativeCacheTtl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Group, string Kind), SignerResource> _found = new()
    {
        [("cert-manager.io", "Issuer")] = new("cert-manager.io", "issuers", Namespaced: true),
        [("cert-manager.io", "ClusterIssuer")] = new("cert-manager.io", "clusterissuers", Namespaced: false),
    };

    private readonly ConcurrentDictionary<(string Group, string Kind), DateTimeOffset> _missingSince = new();

    public async Task<SignerResource?> ResolveAsync(string group, string kind, CancellationToken ct)
    {
        if (_found.TryGetValue((group, kind), out var known))
        {
            return known;
        }

        if (_missingSince.TryGetValue((group, kind), out var since) && time.GetUtcNow() - since < NegativeCacheTtl)
        {
            return null;
        }

        var crds = await client.ListAllAsync<CustomResourceDefinition>(ct: ct);
        var crd = crds.Items.FirstOrDefault(c => c.Spec.Group == group && c.Spec.Names.Kind == kind);
        if (crd is null)
        {
            _missingSince[(group, kind)] = time.GetUtcNow();
            return null;
        }

        _missingSince.TryRemove((group, kind), out _);
        return _found[(group, kind)] = new SignerResource(group, crd.Spec.Names.Plural, crd.Spec.Scope == "Namespaced");
    }

    public async Task<bool> MayApproveAsync(AdmissionUserInfo user, IReadOnlyList<string> signerNames, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(signerNames);
        foreach (var signerName in signerNames)
        {
            var review = await client.CreateAsync(new SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user.Username,
                    Uid = user.Uid,
                    Groups = user.Groups,
                    Extra = user.Extra?.ToDictionary(e => e.Key, IList<string> (e) => e.Value, StringComparer.Ordinal),
                    ResourceAttributes = new V1ResourceAttributes
                    {
                        Verb = "approve",
                        Group = "cert-manager.io",
                        Version = "*",
                        Resource = "signers",
                        Name = signerName,
                    },
                },
            }, ct);
            if (review.Status?.Allowed == true)
            {
                return true;
            }
        }

        return false;
    }
}

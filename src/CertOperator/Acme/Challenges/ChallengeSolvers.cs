using CertOperator.Acme.Dns01;
using CertOperator.Acme.Http01;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Challenges;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;

namespace CertOperator.Acme.Challenges;

/// <summary>
/// Picks the solver for a Challenge's type and caps how many challenges are presented at once, so a
/// burst of Certificates does not flood the cluster with solver Pods or the DNS server with updates.
/// </summary>
internal sealed class ChallengeSolvers(Http01Solver http01, Dns01Solver dns01, OperatorOptions options)
{
    private readonly HashSet<ObjectKey> _active = [];
    private readonly Dictionary<ObjectKey, DateTimeOffset> _presentNotBefore = [];
    private readonly Lock _gate = new();

    public IChallengeSolver For(Challenge challenge) =>
        string.Equals(challenge.Spec.Type, "HTTP-01", StringComparison.OrdinalIgnoreCase) ? http01 : dns01;

    /// <summary>Takes a slot for presenting; false when the cap is reached (try again shortly).</summary>
    public bool TryReserve(Challenge challenge)
    {
        var key = ObjectKey.Of(challenge);
        lock (_gate)
        {
            if (_active.Contains(key))
            {
                return true;
            }

            if (_active.Count >= options.MaxConcurrentChallenges)
            {
                return false;
            }

            _active.Add(key);
            return true;
        }
    }

    public void Release(Challenge challenge)
    {
        lock (_gate)
        {
            _active.Remove(ObjectKey.Of(challenge));
            _presentNotBefore.Remove(ObjectKey.Of(challenge));
        }
    }

    /// <summary>Remembers that presenting may be tried again only from <paramref name="notBefore"/> (a provider's Retry-After).</summary>
    public void PresentAfter(Challenge challenge, DateTimeOffset notBefore)
    {
        lock (_gate)
        {
            _presentNotBefore[ObjectKey.Of(challenge)] = notBefore;
        }
    }

    /// <summary>How long presenting must still wait at <paramref name="now"/>; null when it may go ahead.</summary>
    public TimeSpan? PresentWait(Challenge challenge, DateTimeOffset now)
    {
        var key = ObjectKey.Of(challenge);
        lock (_gate)
        {
            if (_presentNotBefore.TryGetValue(key, out var notBefore) && now < notBefore)
            {
                return notBefore - now;
            }

            _presentNotBefore.Remove(key);
            return null;
        }
    }
}

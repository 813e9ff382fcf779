using CertOperator.Acme.Accounts;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Solvers;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Acme.Challenges;

/// <summary>
/// Solves one challenge: present the response, check it is visible as the CA will see it, tell the CA,
/// follow the authorization to valid or invalid, then clean up. A finalizer guarantees clean-up even
/// when the Challenge is deleted mid-way.
/// </summary>
internal sealed class ChallengeReconciler(
    SharedInformerFactory informers,
    KubernetesClient kube,
    IssuerLookup lookup,
    AcmeClientCache clients,
    ChallengeSolvers solvers,
    ChallengeFinalizer finalizer,
    EventRecorder events,
    TimeProvider time)
    : ConflictTolerantReconciler
{
    private static readonly TimeSpan SelfCheckRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AuthorizationPoll = TimeSpan.FromMilliseconds(300);

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (informers.GetInformer<Challenge>().Store.Find(key) is not { } challenge)
        {
            return ReconcileResult.Done;
        }

        var issuer = lookup.Find(challenge.Spec.IssuerRef, challenge.Metadata.NamespaceProperty);
        if (challenge.Metadata.DeletionTimestamp is not null)
        {
            await finalizer.ReleaseAsync(challenge, issuer, ct);
            return ReconcileResult.Done;
        }

        if (!ChallengeFinalizer.Holds(challenge))
        {
            await finalizer.AddAsync(challenge, ct);
            return ReconcileResult.Done;
        }

        if (issuer?.Spec.Acme is null)
        {
            return ReconcileResult.Error($"ACME issuer {IssuerLookup.Describe(challenge.Spec.IssuerRef)} not found");
        }

        var solver = solvers.For(challenge);
        if (challenge.Status?.State is AcmeStates.Valid or AcmeStates.Invalid)
        {
            if (ChallengeFinalizer.MayHaveSolverResources(challenge))
            {
                await solver.CleanUpAsync(challenge, issuer, ct);
                await UpdateAsync(challenge, s =>
                {
                    s.Presented = false;
                    s.Processing = false;
                }, ct);
            }

            return ReconcileResult.Done;
        }

        try
        {
            return await SolveAsync(challenge, issuer, solver, ct);
        }
        catch (AcmeProblemException e) when (!e.IsRateLimited && (int)e.StatusCode is >= 400 and < 500)
        {
            await FinishAsync(challenge, AcmeStates.Invalid, $"{e.Type}: {e.Detail}", ct);
            return ReconcileResult.Done;
        }
        catch (SolverConfigurationException e)
        {
            await FinishAsync(challenge, AcmeStates.Invalid, e.Message, ct);
            return ReconcileResult.Done;
        }
        catch (AcmeProblemException e) when (e.IsRateLimited)
        {
            return ReconcileResult.RequeueAfter(RetryDelay.Until(e.RetryAfter, time, TimeSpan.FromMinutes(1)));
        }
        catch (Exception e) when (AcmeServerFailure.Covers(e))
        {
            // No answer, no connection or a server error decides nothing about the challenge: say why on it and retry with backoff.
            var reason = $"Will retry: {AcmeServerFailure.Describe(e, issuer.Spec.Acme.Server)}";
            if (challenge.Status?.Reason != reason)
            {
                await UpdateAsync(challenge, s => s.Reason = reason, ct);
            }

            return ReconcileResult.Error(reason);
        }
    }

    private async Task<ReconcileResult> SolveAsync(Challenge challenge, IIssuerObject issuer, IChallengeSolver solver, CancellationToken ct)
    {
        if (challenge.Status?.Presented != true)
        {
            if (solvers.PresentWait(challenge, time.GetUtcNow()) is { } wait)
            {
                // The provider asked us to wait (Retry-After); our own status write must not bring the retry forward.
                return ReconcileResult.RequeueAfter(wait);
            }

            if (!solvers.TryReserve(challenge))
            {
                return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(2));
            }

            if (challenge.Status?.Processing != true)
            {
                // Stored before presenting, so a deletion at any later moment (even one that makes the "presented" write
                // below fail, or a restart between the two) finds the intent and cleans up what presenting may have made.
                challenge = await UpdateAsync(challenge, s =>
                {
                    s.Processing = true;
                    s.Reason = $"Presenting the {challenge.Spec.Type} challenge response";
                }, ct);
            }

            try
            {
                await solver.PresentAsync(challenge, issuer, ct);
            }
            catch (Exception e) when (SolverFailure.Covers(e) && e is not SolverConfigurationException)
            {
                // Often fixable outside the operator: say so and retry with backoff, or when the provider asked (a rate
                // limit's Retry-After).
                await events.RecordAsync(challenge, EventType.Warning, "PresentError", $"Error presenting challenge: {e.Message}", ct);
                await UpdateAsync(challenge, s => s.Reason = $"Error presenting challenge: {e.Message}", ct);
                if (e is DnsProviderException { RetryAfter: { } retryAfter })
                {
                    solvers.PresentAfter(challenge, time.GetUtcNow() + retryAfter);
                    return ReconcileResult.RequeueAfter(retryAfter);
                }

                return ReconcileResult.Error(e.Message);
            }

            await UpdateAsync(challenge, s =>
            {
                s.Presented = true;
                s.PresentedAt = time.GetUtcNow();
                s.Processing = true;
                s.Reason = "Waiting for the challenge response to be visible";
            }, ct);
            await events.RecordAsync(challenge, EventType.Normal, "Presented", $"Presented challenge using {challenge.Spec.Type} challenge mechanism", ct);
            return ReconcileResult.Done;
        }

        if (challenge.Status.State is null or "")
        {
            if (WaitInsteadOfSelfCheck(challenge) is { } wait)
            {
                // The solver asked to skip the self-check: only wait that long after presenting, then let the ACME server validate.
                var remaining = (challenge.Status.PresentedAt ?? time.GetUtcNow()) + wait - time.GetUtcNow();
                if (remaining > TimeSpan.Zero)
                {
                    await UpdateAsync(challenge, s => s.Reason = $"Waiting {wait} after presenting instead of a self-check (waitInsteadOfSelfCheck)", ct);
                    return ReconcileResult.RequeueAfter(remaining);
                }
            }
            else if (await solver.CheckAsync(challenge, issuer, ct) is { } notYet)
            {
                await UpdateAsync(challenge, s => s.Reason = $"Waiting for {challenge.Spec.Type} challenge propagation: {notYet}", ct);
                return ReconcileResult.RequeueAfter(SelfCheckRetry);
            }

            var client = (await clients.GetAsync(issuer, mayGenerateKey: false, ct)).Client!;
            var accepted = await client.AcceptChallengeAsync(new Uri(challenge.Spec.Url), ct);
            await UpdateAsync(challenge, s =>
            {
                s.State = accepted.Status;
                s.Reason = "Challenge accepted; waiting for the ACME server to validate it";
            }, ct);
            return ReconcileResult.RequeueAfter(AuthorizationPoll);
        }

        return await FollowAuthorizationAsync(challenge, issuer, ct);
    }

    private static TimeSpan? WaitInsteadOfSelfCheck(Challenge challenge) =>
        challenge.Spec.Solver.WaitInsteadOfSelfCheck is { } text && GoDuration.TryParse(text, out var wait) && wait >= TimeSpan.Zero ? wait : null;

    private async Task<ReconcileResult> FollowAuthorizationAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        var client = (await clients.GetAsync(issuer, mayGenerateKey: false, ct)).Client!;
        var authz = await client.GetAuthorizationAsync(new Uri(challenge.Spec.AuthorizationUrl), ct);
        switch (authz.Status)
        {
            case AcmeStates.Valid:
                await FinishAsync(challenge, AcmeStates.Valid, "Successfully authorized domain", ct);
                await events.RecordAsync(challenge, EventType.Normal, "DomainVerified", "Domain verified with " + challenge.Spec.Type, ct);
                return ReconcileResult.Done;
            case AcmeStates.Invalid or AcmeStates.Expired or "deactivated" or "revoked":
                var error = authz.Challenges.FirstOrDefault(c => c.Url.ToString() == challenge.Spec.Url)?.Error;
                await FinishAsync(challenge, AcmeStates.Invalid, error?.Detail ?? $"authorization is {authz.Status}", ct);
                return ReconcileResult.Done;
            default:
                return ReconcileResult.RequeueAfter(RetryDelay.Until(authz.RetryAfter, time, AuthorizationPoll));
        }
    }

    private async Task FinishAsync(Challenge challenge, string state, string reason, CancellationToken ct)
    {
        await UpdateAsync(challenge, s =>
        {
            s.State = state;
            s.Reason = reason;
            s.Processing = false;
        }, ct);
        solvers.Release(challenge);
        if (state == AcmeStates.Invalid)
        {
            await events.RecordAsync(challenge, EventType.Warning, "Failed", $"Accepting challenge authorization failed: {reason}", ct);
        }
    }

    private async Task<Challenge> UpdateAsync(Challenge challenge, Action<ChallengeStatus> change, CancellationToken ct) =>
        await StatusWriter.UpdateStatusAsync(kube, challenge, c =>
        {
            change(c.Status ??= new ChallengeStatus());
            return true;
        }, ct);
}

using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Kubernetes.LeaderElection;

/// <summary>
/// Holds a coordination.k8s.io Lease. Expiry is judged by when this process last saw the record change
/// (its own clock), not by the renewTime written by another host, so clock skew cannot cause two leaders.
/// </summary>
public sealed partial class LeaderElector
{
    private readonly KubernetesClient _client;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private (string? Holder, DateTime? RenewTime) _observed;
    private Lease? _held;
    private DateTimeOffset _observedAt;
    private volatile bool _isLeader;
    private int _attempts;

    public LeaderElector(KubernetesClient client, LeaderElectionOptions options, TimeProvider? timeProvider = null, ILogger<LeaderElector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RenewDeadline >= options.LeaseDuration || options.RetryPeriod >= options.RenewDeadline)
        {
            throw new ArgumentException("leader election needs RetryPeriod < RenewDeadline < LeaseDuration", nameof(options));
        }

        _client = client;
        _options = options;
        _time = timeProvider ?? client.Time;
        _logger = logger ?? NullLogger<LeaderElector>.Instance;
    }

    public bool IsLeader => _isLeader;

    public string Identity => _options.Identity;

    /// <summary>Completed acquire/renew attempts; lets fake-clock tests wait for each round to finish.</summary>
    internal int Attempts => Volatile.Read(ref _attempts);

    /// <summary>
    /// Campaigns until leader, runs <paramref name="whileLeading"/> with a token cancelled when leadership is lost,
    /// and campaigns again; on cancellation the lease is released.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        while (!ct.IsCancellationRequested)
        {
            if (!await AcquireAsync(ct).ConfigureAwait(false))
            {
                return;
            }

            using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _isLeader = true;
            LogStarted(_logger, _options.Identity, _options.LeaseName);
            var work = Task.Run(() => whileLeading(leading.Token), CancellationToken.None);
            await RenewUntilLostAsync(work, ct).ConfigureAwait(false);
            _isLeader = false;
            await leading.CancelAsync().ConfigureAwait(false);
            await WaitQuietlyAsync(work).ConfigureAwait(false);
            LogStopped(_logger, _options.Identity, _options.LeaseName);
        }

        if (_options.ReleaseOnCancel)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(ct).ConfigureAwait(false))
            {
                return true;
            }

            try
            {
                await Task.Delay(_options.RetryPeriod, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private async Task RenewUntilLostAsync(Task work, CancellationToken ct)
    {
        var lastRenew = _time.GetUtcNow();
        while (!work.IsCompleted)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryAcquireOrRenewAsync(ct).ConfigureAwait(false))
            {
                lastRenew = _time.GetUtcNow();
            }
            else if (_observed.Holder != _options.Identity || _time.GetUtcNow() - lastRenew >= _options.RenewDeadline)
            {
                return;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken ct)
    {
        var acquired = await AttemptAsync(ct).ConfigureAwait(false);
        Interlocked.Increment(ref _attempts);
        return acquired;
    }

    private async Task<bool> AttemptAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await TryAcquireOrRenewCoreAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogAttemptFailed(_logger, e, _options.LeaseName);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> TryAcquireOrRenewCoreAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (await TryRenewHeldAsync(now, ct).ConfigureAwait(false))
        {
            return true;
        }

        var lease = await _client.TryGetAsync<Lease>(_options.LeaseNamespace, _options.LeaseName, ct).ConfigureAwait(false);
        if (lease is null)
        {
            lease = new Lease { Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _options.LeaseNamespace } };
            Claim(lease.Spec, now);
            lease = await _client.CreateAsync(lease, ct).ConfigureAwait(false);
            Observe(lease.Spec, now);
            _held = lease;
            return true;
        }

        Observe(lease.Spec, now);
        var holder = lease.Spec.HolderIdentity;
        var duration = TimeSpan.FromSeconds(lease.Spec.LeaseDurationSeconds ?? (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds));
        if (!string.IsNullOrEmpty(holder) && holder != _options.Identity && _observedAt + duration > now)
        {
            return false;
        }

        Claim(lease.Spec, now);
        lease = await _client.ReplaceAsync(lease, ct).ConfigureAwait(false);
        Observe(lease.Spec, now);
        _held = lease;
        return true;
    }

    /// <summary>
    /// Renews from the lease our last write returned, without reading it first: one request per renewal at idle.
    /// The write is guarded by that resourceVersion, so if anyone else wrote the lease since, it fails and the
    /// caller reads the lease as usual.
    /// </summary>
    private async Task<bool> TryRenewHeldAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _held, null) is not { } held)
        {
            return false;
        }

        Claim(held.Spec, now);
        try
        {
            var renewed = await _client.ReplaceAsync(held, ct).ConfigureAwait(false);
            Observe(renewed.Spec, now);
            _held = renewed;
            return true;
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            return false;
        }
    }

    private void Claim(V1LeaseSpec spec, DateTimeOffset now)
    {
        if (spec.HolderIdentity != _options.Identity)
        {
            spec.AcquireTime = now.UtcDateTime;
            spec.LeaseTransitions = spec.HolderIdentity is null && spec.LeaseTransitions is null ? 0 : (spec.LeaseTransitions ?? 0) + 1;
        }

        spec.HolderIdentity = _options.Identity;
        spec.RenewTime = now.UtcDateTime;
        spec.LeaseDurationSeconds = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);
    }

    private void Observe(V1LeaseSpec spec, DateTimeOffset now)
    {
        if (_observed != (spec.HolderIdentity, spec.RenewTime))
        {
            _observed = (spec.HolderIdentity, spec.RenewTime);
            _observedAt = now;
        }
    }

    /// <summary>Clears holderIdentity if we still hold the lease, so a successor need not wait for expiry.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var lease = await _client.TryGetAsync<Lease>(_options.LeaseNamespace, _options.LeaseName, timeout.Token).ConfigureAwait(false);
            if (lease?.Spec.HolderIdentity != _options.Identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = null;
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = _time.GetUtcNow().UtcDateTime;
            await _client.ReplaceAsync(lease, timeout.Token).ConfigureAwait(false);
            LogReleased(_logger, _options.Identity, _options.LeaseName);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            LogAttemptFailed(_logger, e, _options.LeaseName);
        }
    }

    private static async Task WaitQuietlyAsync(Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The work was told to stop because leadership ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader of lease {Lease}")]
    private static partial void LogStarted(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} stopped leading lease {Lease}")]
    private static partial void LogStopped(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released lease {Lease}")]
    private static partial void LogReleased(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {Lease}: acquire/renew attempt failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string lease);
}

using System.CommandLine;
using CertOperator.Certificates.Pki;

namespace CertOperator.Cli;

/// <summary>
/// cert-manager's leader-election timing flags with its defaults (60s / 40s / 15s): a leader renews its Lease
/// every 15 s, so an idle operator sends 4 requests a minute, where client-go's 2 s would send 30.
/// </summary>
internal sealed class LeaderElectionFlags
{
    public Option<string> LeaseDuration { get; } = Duration("--leader-election-lease-duration", "60s", "How long a standby waits after the leader's last renewal before taking over");

    public Option<string> RenewDeadline { get; } = Duration("--leader-election-renew-deadline", "40s", "How long the leader keeps trying to renew before it stops leading");

    public Option<string> RetryPeriod { get; } = Duration("--leader-election-retry-period", "15s", "How often the leader renews and standbys try to acquire the Lease");

    public IEnumerable<Option> All => [LeaseDuration, RenewDeadline, RetryPeriod];

    /// <summary>The timings, or null with the reason when the elector cannot work with them (naming the flags).</summary>
    public (TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod)? Get(ParseResult parse, out string? error)
    {
        var (lease, renew, retry) = Read(parse.GetValue(LeaseDuration), parse.GetValue(RenewDeadline), parse.GetValue(RetryPeriod));
        error = retry < renew && renew < lease
            ? null
            : "leader election needs --leader-election-retry-period < --leader-election-renew-deadline < --leader-election-lease-duration";
        return error is null ? (lease!.Value, renew!.Value, retry!.Value) : null;
    }

    private static (TimeSpan? Lease, TimeSpan? Renew, TimeSpan? Retry) Read(string? lease, string? renew, string? retry) =>
        (Parse(lease), Parse(renew), Parse(retry));

    private static TimeSpan? Parse(string? text) => GoDuration.TryParse(text, out var value) && value > TimeSpan.Zero ? value : null;

    private static Option<string> Duration(string name, string fallback, string description)
    {
        var option = new Option<string>(name) { Description = $"{description} (a duration like {fallback})", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (Parse(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError($"{name}: \"{r.GetValueOrDefault<string>()}\" is not a positive duration like {fallback}");
            }
        });
        return option;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using CertOperator.Hosting;

namespace CertOperator.Cli;

/// <summary>
/// cert-manager's listener flags and defaults: metrics on 0.0.0.0:9402, health on 0.0.0.0:9403, "0" for none.
/// `--health-port`, this operator's older spelling, still works and wins when given.
/// </summary>
internal sealed class ListenFlags
{
    public ListenFlags()
    {
        HealthPort.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0 or > 65535)
            {
                r.AddError("--health-port must be from 0 to 65535");
            }
        });
    }

    public Option<string> Metrics { get; } = Address("--metrics-listen-address", "0.0.0.0:9402", "/metrics");

    public Option<string> Health { get; } = Address("--internal-healthz-listen-address", "0.0.0.0:9403", "/livez, /readyz and /healthz");

    public Option<int?> HealthPort { get; } = new("--health-port") { Description = "Older spelling of --internal-healthz-listen-address 0.0.0.0:PORT (0: none)" };

    public IEnumerable<Option> All => [Metrics, Health, HealthPort];

    /// <summary>Where metrics listen; null for nowhere.</summary>
    public IPEndPoint? MetricsEndpoint(ParseResult parse) => Endpoint(parse.GetValue(Metrics)!);

    /// <summary>Where health endpoints listen; null for nowhere.</summary>
    public IPEndPoint? HealthEndpoint(ParseResult parse) => parse.GetValue(HealthPort) is { } port
        ? Endpoint(port == 0 ? ListenAddress.Disabled : string.Create(CultureInfo.InvariantCulture, $"0.0.0.0:{port}"))
        : Endpoint(parse.GetValue(Health)!);

    /// <summary>A listen address the option's validator already accepted.</summary>
    private static IPEndPoint? Endpoint(string value) =>
        ListenAddress.TryParse(value, out var endpoint, out var error) ? endpoint : throw new ArgumentException(error, nameof(value));

    private static Option<string> Address(string name, string fallback, string serves)
    {
        var option = new Option<string>(name) { Description = $"host:port for {serves} (0: none)", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (!ListenAddress.TryParse(r.GetValueOrDefault<string>(), out _, out var error))
            {
                r.AddError($"{name}: {error}");
            }
        });
        return option;
    }
}

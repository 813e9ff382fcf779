using System.Net;

namespace CertOperator.Acme.Model;

/// <summary>An ACME identifier (RFC 8555 §9.7.7 "dns", RFC 8738 "ip").</summary>
public sealed record AcmeIdentifier
{
    public required string Type { get; init; }

    public required string Value { get; init; }

    public static AcmeIdentifier Dns(string name) => new() { Type = "dns", Value = name };

    public static AcmeIdentifier Ip(IPAddress address) => new() { Type = "ip", Value = address.ToString() };
}

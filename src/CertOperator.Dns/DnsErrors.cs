namespace CertOperator.Dns;

/// <summary>Turns RCODEs and TSIG errors into messages that name the problem and the fix, without secrets.</summary>
internal static class DnsErrors
{
    public static string Describe(DnsRcode rcode, NameserverAddress server, TsigKey? key, string? zone)
    {
        var keyName = key?.DisplayName ?? "(none)";
        var zoneName = zone ?? "(unknown)";
        return rcode switch
        {
            DnsRcode.BadKey => $"The nameserver {server} rejected the TSIG key '{keyName}' (BADKEY): it does not know this key name with algorithm {key?.Algorithm}; check tsigKeyName and tsigAlgorithm.",
            DnsRcode.BadSig => $"The nameserver {server} rejected the signature made with TSIG key '{keyName}' (BADSIG): the secret does not match the server's; check tsigSecretSecretRef and tsigAlgorithm.",
            DnsRcode.BadTime => $"The nameserver {server} rejected the TSIG time (BADTIME): this host's clock and the nameserver's differ by more than {Tsig.TsigSigner.Fudge} seconds; fix the clock (NTP).",
            DnsRcode.BadTrunc => $"The nameserver {server} rejected a truncated TSIG MAC (BADTRUNC).",
            DnsRcode.NotAuth when key is null => $"The nameserver {server} is not authoritative for zone '{zoneName}' or requires a TSIG key for updates (NOTAUTH): check the nameserver and set tsigKeyName.",
            DnsRcode.NotAuth => $"The nameserver {server} refused updates to zone '{zoneName}' with TSIG key '{keyName}' (NOTAUTH): the server is not authoritative for the zone or the key is not allowed to update it; check the nameserver, the zone and the server's allow-update/update-policy.",
            DnsRcode.Refused => $"The nameserver {server} refused the update to zone '{zoneName}' (REFUSED): allow key '{keyName}' to update it (allow-update/update-policy) or check the nameserver.",
            DnsRcode.NotZone => $"The name is not inside zone '{zoneName}' on nameserver {server} (NOTZONE): check the zone or leave it to SOA discovery.",
            DnsRcode.ServFail => $"The nameserver {server} failed to apply the update to zone '{zoneName}' (SERVFAIL): check the server's log (e.g. journal file permissions).",
            DnsRcode.NotImp => $"The nameserver {server} does not implement dynamic updates (NOTIMP): point nameserver at the zone's primary server.",
            DnsRcode.FormErr => $"The nameserver {server} could not parse the request (FORMERR).",
            _ => $"The nameserver {server} answered {rcode.ToString().ToUpperInvariant()} for zone '{zoneName}'.",
        };
    }
}
